package dev.headroom.bench;

import dev.headroom.ledger.Transaction;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory ledger in compact primitive arrays, the floor that the database designs are
 * measured against. Each user has an array of row timestamps (epoch nanoseconds) and one of
 * signed amounts (micro-dollars), a running balance, and a snapshot cut-off with its balance.
 * A hash map from email to user number is the index. Not thread-safe.
 */
final class ArrayLedger implements BalanceReads {

    private static final int INITIAL_ROWS = 16;

    private final Map<String, Integer> userIds = new HashMap<>();
    private long[][] timesNanos = new long[INITIAL_ROWS][];
    private long[][] amounts = new long[INITIAL_ROWS][];
    private int[] sizes = new int[INITIAL_ROWS];
    private long[] balances = new long[INITIAL_ROWS];
    private long[] snapshotCutoffsNanos = new long[INITIAL_ROWS];
    private long[] snapshotBalances = new long[INITIAL_ROWS];

    /**
     * Appends a row to its user's arrays and running balance.
     *
     * @throws IllegalArgumentException if the row is older than the user's last row, because
     *     the snapshot read relies on each user's rows in time order
     */
    void record(Transaction row) {
        int user = userIds.computeIfAbsent(row.userEmail(), email -> addUser());
        long at = epochNanos(row.timestamp());
        int size = sizes[user];
        if (size > 0 && at < timesNanos[user][size - 1]) {
            throw new IllegalArgumentException("row " + row.transactionId() + " at "
                    + row.timestamp() + " is older than the last row of " + row.userEmail()
                    + "; record each user's rows in time order");
        }
        if (size == timesNanos[user].length) {
            timesNanos[user] = Arrays.copyOf(timesNanos[user], size * 2);
            amounts[user] = Arrays.copyOf(amounts[user], size * 2);
        }
        timesNanos[user][size] = at;
        amounts[user][size] = row.balanceDeltaMicros();
        sizes[user] = size + 1;
        balances[user] += row.balanceDeltaMicros();
    }

    private int addUser() {
        int user = userIds.size();
        if (user == sizes.length) {
            int capacity = user * 2;
            timesNanos = Arrays.copyOf(timesNanos, capacity);
            amounts = Arrays.copyOf(amounts, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            balances = Arrays.copyOf(balances, capacity);
            snapshotCutoffsNanos = Arrays.copyOf(snapshotCutoffsNanos, capacity);
            snapshotBalances = Arrays.copyOf(snapshotBalances, capacity);
        }
        timesNanos[user] = new long[INITIAL_ROWS];
        amounts[user] = new long[INITIAL_ROWS];
        snapshotCutoffsNanos[user] = Long.MIN_VALUE;
        return user;
    }

    @Override
    public long sumAllRows(String email) {
        Integer user = userIds.get(email);
        return user == null ? 0 : sum(amounts[user], 0, sizes[user]);
    }

    @Override
    public long runningBalance(String email) {
        Integer user = userIds.get(email);
        return user == null ? 0 : balances[user];
    }

    /** Returns the snapshot plus the rows from its cut-off on, found by binary search. */
    @Override
    public long snapshotPlusRecent(String email) {
        Integer user = userIds.get(email);
        if (user == null) {
            return 0;
        }
        int from = firstAtOrAfter(timesNanos[user], sizes[user], snapshotCutoffsNanos[user]);
        return snapshotBalances[user] + sum(amounts[user], from, sizes[user]);
    }

    @Override
    public void snapshot(String email, Instant cutoff) {
        Integer user = userIds.get(email);
        if (user == null) {
            throw new IllegalArgumentException("user " + email + " has no rows to snapshot");
        }
        long cutoffNanos = epochNanos(cutoff);
        int end = firstAtOrAfter(timesNanos[user], sizes[user], cutoffNanos);
        snapshotBalances[user] = sum(amounts[user], 0, end);
        snapshotCutoffsNanos[user] = cutoffNanos;
    }

    @Override
    public void close() {
        userIds.clear();
    }

    /** Returns the index of the first of {@code size} sorted times at or after {@code time}. */
    private static int firstAtOrAfter(long[] times, int size, long time) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (times[middle] < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static long sum(long[] values, int from, int to) {
        long total = 0;
        for (int i = from; i < to; i++) {
            total += values[i];
        }
        return total;
    }

    /** Converts to nanoseconds since the epoch, exact for instants between 1677 and 2262. */
    private static long epochNanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L),
                at.getNano());
    }
}
