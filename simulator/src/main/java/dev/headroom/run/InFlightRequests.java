package dev.headroom.run;

import java.util.Arrays;

/**
 * Admitted chat requests that have not ended, in reusable slots of parallel primitive arrays, so
 * an end-of-request event carries only its slot number. Not thread-safe.
 */
final class InFlightRequests {

    private int[] users = new int[256];
    private long[] costs = new long[256];
    private int[] free = new int[256];
    private int freeCount;
    private int used;

    /** Stores a request and returns its slot. */
    int open(int user, long costMicros) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == users.length) {
                users = Arrays.copyOf(users, used * 2);
                costs = Arrays.copyOf(costs, used * 2);
                free = Arrays.copyOf(free, used * 2);
            }
            slot = used++;
        }
        users[slot] = user;
        costs[slot] = costMicros;
        return slot;
    }

    int user(int slot) {
        return users[slot];
    }

    long costMicros(int slot) {
        return costs[slot];
    }

    /** Frees a slot for reuse. */
    void close(int slot) {
        free[freeCount++] = slot;
    }
}
