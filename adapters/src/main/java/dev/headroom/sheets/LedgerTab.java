package dev.headroom.sheets;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.CapacityReachedException;
import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cached state of one ledger tab in this process: the rows read from it or confirmed stored in
 * it, and the rows queued for it. Queued rows are sent by group commit, so that a burst of
 * concurrent records for one tab costs a few appends rather than one each.
 *
 * <p>Every row has a key, its user's email and its transaction id. A key is <em>stored</em>
 * when a read of the tab returned it or an append that carried it succeeded, and
 * <em>pending</em> while its row waits in the queue or is being sent. A key is never both
 * queued twice nor queued while stored, which keeps idempotency exact within this process.
 *
 * <p>Group commit. {@link #appendAndWait} queues a row and returns once the row is stored. If
 * no append to the tab is in flight, the calling thread sends every queued row, its own
 * included, in as few requests as the payload limit allows. Otherwise it waits. The rows that
 * arrived during the flight then go out together in the next batch, sent by one of their
 * callers. So a row waits for at most the batch in flight when it arrived, and then its own.
 *
 * <p>{@link #record}, {@link #admit}, {@link #readLoaded} and {@link #absentAfterReload} take
 * {@link #lock} themselves and run the caller's load step under it. Every other method must be
 * called with the lock held, except {@link #appendAndWait}'s sending. The batch is sent without
 * the lock, so balance reads are not blocked by the network.
 */
final class LedgerTab {

    /** Appends batches of rows to the tab; called without the lock. */
    interface BatchWriter {

        /** Returns an upper bound of the row's size in a request body, in bytes. */
        long payloadBytes(Transaction row);

        /**
         * Appends the rows in one request, creating the tab first if needed; throws the
         * ledger's typed error if the rows were not stored.
         */
        void append(List<Transaction> rows);
    }

    private static final Logger LOG = LoggerFactory.getLogger(LedgerTab.class);

    /** Guards every field; held by callers of every method. */
    final ReentrantLock lock = new ReentrantLock();

    private final Condition settled = lock.newCondition();
    private final String title;
    private final Set<String> storedKeys = new HashSet<>();
    private final Map<String, Long> storedBalances = new HashMap<>();
    private final Map<String, QueuedRow> pending = new HashMap<>();
    private final List<QueuedRow> queue = new ArrayList<>();
    private boolean sending;
    private boolean loaded;
    private long loadedAtNanos;
    private volatile boolean tabExists;

    LedgerTab(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    /** Returns the identity of a row: its user's email and its transaction id. */
    static String key(Transaction row) {
        return key(row.userEmail(), row.transactionId());
    }

    /**
     * Returns the identity of a user's transaction id. The email's length comes first, so two
     * different pairs never give the same key, whatever characters the email and id contain.
     */
    static String key(String email, String transactionId) {
        return email.length() + ":" + email + transactionId;
    }

    /** Returns whether the stored rows were read less than {@code ttlNanos} before now. */
    boolean isFresh(long nowNanos, long ttlNanos) {
        return loaded && nowNanos - loadedAtNanos < ttlNanos;
    }

    /** Forgets the stored rows, so that the next access reads the tab again. */
    void invalidate() {
        loaded = false;
    }

    /** Replaces the stored rows with none, read at {@code nowNanos}; pending rows stay. */
    void reset(long nowNanos) {
        storedKeys.clear();
        storedBalances.clear();
        loaded = true;
        loadedAtNanos = nowNanos;
    }

    /** Adds a row read from the tab or confirmed stored; a key already stored counts once. */
    void addStored(Transaction row) {
        if (storedKeys.add(key(row))) {
            storedBalances.merge(row.userEmail(), row.balanceDeltaMicros(), Long::sum);
        }
    }

    /**
     * Marks a user's transaction id as stored without counting it in a balance, because its row
     * is kept elsewhere, such as in an archive. A retry of that id is then a duplicate.
     */
    void addStoredKey(String email, String transactionId) {
        storedKeys.add(key(email, transactionId));
    }

    boolean isStored(Transaction row) {
        return storedKeys.contains(key(row));
    }

    /** Returns the sum of the user's stored rows, in micro-dollars. */
    long storedBalanceMicros(String email) {
        return storedBalances.getOrDefault(email, 0L);
    }

    /**
     * Returns the balance that an admission may spend, in micro-dollars: the stored balance
     * plus every pending debit of the user. A pending credit counts only once it is stored,
     * because its append may still fail.
     */
    long spendableMicros(String email) {
        long spendable = storedBalanceMicros(email);
        for (QueuedRow row : pending.values()) {
            long delta = row.transaction.balanceDeltaMicros();
            if (delta < 0 && row.transaction.userEmail().equals(email)) {
                spendable += delta;
            }
        }
        return spendable;
    }

    /** Returns the number of users with stored rows. */
    int storedUsers() {
        return storedBalances.size();
    }

    /** Returns the number of rows queued or being sent. */
    int pendingRows() {
        return pending.size();
    }

    /** Returns the number of threads waiting for a pending row to be stored. */
    int waitingCallers() {
        return lock.getWaitQueueLength(settled);
    }

    boolean tabExists() {
        return tabExists;
    }

    void markTabExists(boolean exists) {
        tabExists = exists;
    }

    /**
     * Records {@code row} unless its key is stored or pending. Under the lock, runs {@code load},
     * waits for a pending row with the same key, then queues the row and waits until it is
     * stored.
     */
    RecordOutcome record(Transaction row, Runnable load, BatchWriter writer) {
        lock.lock();
        try {
            if (storedAfterWait(row, load)) {
                return RecordOutcome.DUPLICATE;
            }
            appendAndWait(row, writer);
            return RecordOutcome.RECORDED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends {@code usage} as {@link #record} does if {@code spendableMicros}, read under the
     * lock after {@code load} and the duplicate check, covers its amount.
     */
    AdmissionOutcome admit(Transaction usage, Runnable load, LongSupplier spendableMicros,
            BatchWriter writer) {
        lock.lock();
        try {
            if (storedAfterWait(usage, load)) {
                return AdmissionOutcome.DUPLICATE;
            }
            if (spendableMicros.getAsLong() < usage.amountMicros()) {
                return AdmissionOutcome.INSUFFICIENT_BALANCE;
            }
            appendAndWait(usage, writer);
            return AdmissionOutcome.ADMITTED;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the value of {@code read}, called under the lock after {@code load}. */
    long readLoaded(Runnable load, LongSupplier read) {
        lock.lock();
        try {
            load.run();
            return read.getAsLong();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reloads the rows through {@code load} after an uncertain append and returns the
     * transactions of {@code sent} that are not stored.
     */
    List<Transaction> absentAfterReload(List<Transaction> sent, Runnable load) {
        lock.lock();
        try {
            invalidate();
            load.run();
            List<Transaction> absent = new ArrayList<>();
            for (Transaction row : sent) {
                if (!isStored(row)) {
                    absent.add(row);
                }
            }
            return absent;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code load}, waits while a row with the same key is pending, and returns whether
     * that key is stored. A pending row whose append failed may be stored all the same, as when
     * the append's response was lost, so the tab is read again after each such failure.
     */
    private boolean storedAfterWait(Transaction row, Runnable load) {
        load.run();
        while (pending.containsKey(key(row))) {
            if (awaitSettled(row)) {
                return true;
            }
            load.run();
        }
        return isStored(row);
    }

    /**
     * Waits while a row with the same key is pending, then returns whether that key is stored.
     * A pending row whose append fails stops being pending, so the caller may then queue its
     * own row with the key.
     */
    private boolean awaitSettled(Transaction row) {
        String key = key(row);
        while (pending.containsKey(key)) {
            settled.awaitUninterruptibly();
        }
        return storedKeys.contains(key);
    }

    /** Waits until no append is in flight; none starts while the caller then holds the lock. */
    void awaitIdle() {
        while (sending) {
            settled.awaitUninterruptibly();
        }
    }

    /**
     * Queues {@code row}, whose key must be neither stored nor pending, and returns once it is
     * stored, sending queued rows through {@code writer} when no other thread is sending.
     *
     * @throws RuntimeException the ledger error that kept the row out of the tab. Every thread
     *     whose row was in the failed batch throws the same instance.
     */
    void appendAndWait(Transaction row, BatchWriter writer) {
        QueuedRow mine = new QueuedRow(row);
        queue.add(mine);
        pending.put(key(row), mine);
        while (!mine.settled) {
            if (sending) {
                settled.awaitUninterruptibly();
            } else {
                sendQueue(writer);
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Sends every queued row, in chunks under the payload limit, releasing the lock meanwhile. */
    private void sendQueue(BatchWriter writer) {
        List<QueuedRow> batch = new ArrayList<>(queue);
        queue.clear();
        sending = true;
        lock.unlock();
        try {
            for (List<QueuedRow> chunk : PayloadChunks.split(batch,
                    queued -> writer.payloadBytes(queued.transaction),
                    PayloadChunks.MAX_REQUEST_BYTES)) {
                send(chunk, writer);
            }
        } catch (RuntimeException unexpected) {
            LOG.error("Appending {} rows to tab {} failed unexpectedly", batch.size(), title,
                    unexpected);
            settle(batch, unexpected);
        } finally {
            lock.lock();
            sending = false;
            for (QueuedRow row : batch) {
                if (!row.settled) {
                    invalidate();
                    row.failure = new IllegalStateException("the append of transaction "
                            + row.transaction.transactionId() + " to tab " + title
                            + " ended without a result");
                    row.settled = true;
                    pending.remove(key(row.transaction));
                }
            }
            settled.signalAll();
        }
    }

    /**
     * Appends the rows in one request. Google may reject a batch of several rows for its
     * content (a cell over the character limit) or its size (the workbook's cell limit). The
     * batch is then split in halves and each half sent again, so one bad row fails alone and a
     * workbook near its cell limit takes as many rows as fit.
     */
    private void send(List<QueuedRow> rows, BatchWriter writer) {
        try {
            writer.append(transactions(rows));
            settle(rows, null);
        } catch (InvalidInputException | CapacityReachedException e) {
            if (rows.size() == 1 || !isSplittable(e)) {
                settle(rows, e);
                return;
            }
            LOG.info("Splitting a batch of {} rows for tab {} after: {}", rows.size(), title,
                    e.getMessage());
            int half = rows.size() / 2;
            send(rows.subList(0, half), writer);
            send(rows.subList(half, rows.size()), writer);
        } catch (RuntimeException e) {
            settle(rows, e);
        }
    }

    private static boolean isSplittable(RuntimeException e) {
        return !(e instanceof CapacityReachedException capacity)
                || capacity.limit() == CapacityReachedException.Limit.CELLS;
    }

    /**
     * Marks rows stored, or failed with {@code failure}, and wakes their waiting callers. A
     * failure clears the cached list of stored rows, so the next access reads the tab again. An
     * append whose response was lost may have stored its rows after all, and the read that would
     * have found them may itself have failed. Without the new read, a retry of such a row would
     * append it a second time, and an admission would not count its debit.
     */
    private void settle(List<QueuedRow> rows, RuntimeException failure) {
        lock.lock();
        try {
            if (failure != null) {
                invalidate();
            }
            for (QueuedRow row : rows) {
                if (row.settled) {
                    continue;
                }
                if (failure == null) {
                    addStored(row.transaction);
                }
                row.failure = failure;
                row.settled = true;
                pending.remove(key(row.transaction));
            }
            settled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static List<Transaction> transactions(List<QueuedRow> rows) {
        List<Transaction> transactions = new ArrayList<>(rows.size());
        for (QueuedRow row : rows) {
            transactions.add(row.transaction);
        }
        return transactions;
    }

    /** A row waiting for its append; its fields change only under the lock. */
    private static final class QueuedRow {
        final Transaction transaction;
        boolean settled;
        RuntimeException failure;

        QueuedRow(Transaction transaction) {
            this.transaction = transaction;
        }
    }
}
