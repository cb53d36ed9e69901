package dev.headroom.model.dynamodb;

import java.util.Arrays;

/**
 * The per-partition-key throughput ceiling, counted in whole one-second windows of simulated
 * time. Every item of one user shares a partition key, so one user's calls share one budget.
 *
 * <p>A charge that does not fit in the key's current second waits for the next second and is
 * counted as one throttled attempt, as an SDK retry after a throttling error would be. Once a
 * charge has waited into a later second, a charge that arrives before that second queues behind
 * it: it runs no earlier than that second, each second it waits counts as a throttled attempt,
 * and it fails when those waits pass its retries.
 * NOTE: a charge for a second earlier than the key's latest one is counted in the latest one,
 * which overstates use only when calls of one user arrive out of time order.
 */
final class KeyThroughput {

    private static final long NO_SECOND = Long.MIN_VALUE;

    private final long unitsPerSecond;
    private long[] second = new long[0];
    private long[] used = new long[0];
    private boolean[] waitedInto = new boolean[0];
    private long peakUnits;
    private int lastThrottles;
    private long lastAttemptMillis;

    /** Creates a budget of {@code unitsPerSecond} per key, in the unit of later charges. */
    KeyThroughput(long unitsPerSecond) {
        this.unitsPerSecond = unitsPerSecond;
    }

    /**
     * Charges {@code units} to the user's key at {@code at} or in a later second, waiting at
     * most {@code maxRetries} times. Returns the time the charge was accepted, or {@code -1}
     * when the retries ran out. {@link #lastThrottles()} then returns the waits it took, and
     * {@link #lastAttemptMillis()} the time of the attempt rejected last.
     */
    long charge(int user, long at, long units, int maxRetries) {
        ensureUser(user);
        lastThrottles = 0;
        long time = at;
        long arrival = Math.floorDiv(at, 1_000L);
        if (waitedInto[user] && arrival < second[user]) {
            // An earlier charge waited for the key's latest second, so this one cannot run
            // before it: it was throttled in every second it waits.
            long waits = second[user] - arrival;
            peakUnits = unitsPerSecond;
            if (waits > maxRetries) {
                lastThrottles = maxRetries;
                lastAttemptMillis = maxRetries == 0 ? at : (arrival + maxRetries) * 1_000L;
                return -1;
            }
            lastThrottles = (int) waits;
            time = second[user] * 1_000L;
        }
        while (true) {
            long window = Math.floorDiv(time, 1_000L);
            if (second[user] == NO_SECOND || window > second[user]) {
                second[user] = window;
                used[user] = 0;
                waitedInto[user] = lastThrottles > 0;
            }
            if (used[user] + units <= unitsPerSecond) {
                used[user] += units;
                peakUnits = Math.max(peakUnits, used[user]);
                return time;
            }
            // The key's demand in this second reached its ceiling, whatever part was accepted.
            peakUnits = unitsPerSecond;
            if (lastThrottles == maxRetries) {
                lastAttemptMillis = time;
                return -1;
            }
            lastThrottles++;
            time = (second[user] + 1) * 1_000L;
        }
    }

    /** Returns the throttled attempts of the latest {@link #charge}. */
    int lastThrottles() {
        return lastThrottles;
    }

    /** Returns the time of the last rejected attempt of a {@link #charge} that ran out. */
    long lastAttemptMillis() {
        return lastAttemptMillis;
    }

    /**
     * Returns the most units any key used in one second so far, or the ceiling once a charge
     * has been throttled, because the key's demand then reached it.
     */
    long peakUnits() {
        return peakUnits;
    }

    /** Returns the ceiling per key and second. */
    long unitsPerSecond() {
        return unitsPerSecond;
    }

    private void ensureUser(int user) {
        if (user < second.length) {
            return;
        }
        int oldLength = second.length;
        int capacity = Math.max(user + 1, Math.max(64, oldLength * 2));
        second = Arrays.copyOf(second, capacity);
        Arrays.fill(second, oldLength, capacity, NO_SECOND);
        used = Arrays.copyOf(used, capacity);
        waitedInto = Arrays.copyOf(waitedInto, capacity);
    }
}
