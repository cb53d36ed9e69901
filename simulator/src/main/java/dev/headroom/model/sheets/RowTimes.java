package dev.headroom.model.sheets;

import java.util.Arrays;

/**
 * The times at which each user's rows were stored, oldest first, in whole seconds of simulated
 * time (kept as unsigned ints, enough for 136 years), so that a job can find the rows older than
 * a cutoff. Not thread-safe.
 */
final class RowTimes {

    private static final int[] EMPTY = new int[0];

    private int[][] times = new int[64][];
    private int[] first = new int[64];
    private int[] size = new int[64];

    /** Records {@code count} rows of {@code user} stored at {@code millis}. */
    void add(int user, long millis, int count) {
        ensureUser(user);
        int seconds = (int) (millis / 1000);
        int[] own = times[user] == null ? EMPTY : times[user];
        int end = first[user] + size[user];
        if (end + count > own.length) {
            int[] grown = new int[Math.max(8, (size[user] + count) * 2)];
            System.arraycopy(own, first[user], grown, 0, size[user]);
            own = grown;
            first[user] = 0;
            end = size[user];
        }
        Arrays.fill(own, end, end + count, seconds);
        times[user] = own;
        size[user] += count;
    }

    /** Returns the user's rows stored before {@code cutoffMillis}. */
    int olderThan(int user, long cutoffMillis) {
        if (user >= size.length) {
            return 0;
        }
        int older = 0;
        while (older < size[user]
                && toMillis(times[user][first[user] + older]) < cutoffMillis) {
            older++;
        }
        return older;
    }

    /** Forgets the user's {@code count} oldest rows. */
    void removeOldest(int user, int count) {
        if (count > size[user]) {
            throw new IllegalArgumentException("user " + user + " has " + size[user]
                    + " rows, fewer than the " + count + " to remove");
        }
        first[user] += count;
        size[user] -= count;
    }

    /** Returns the rows recorded for the user. */
    int size(int user) {
        return user < size.length ? size[user] : 0;
    }

    /** Returns the store time of the user's row at {@code index}, oldest first, in ms. */
    long timeMillis(int user, int index) {
        return toMillis(times[user][first[user] + index]);
    }

    private static long toMillis(int seconds) {
        return Integer.toUnsignedLong(seconds) * 1000L;
    }

    private void ensureUser(int user) {
        if (user < size.length) {
            return;
        }
        int capacity = Math.max(user + 1, size.length * 2);
        times = Arrays.copyOf(times, capacity);
        first = Arrays.copyOf(first, capacity);
        size = Arrays.copyOf(size, capacity);
    }
}
