package dev.headroom.run;

import dev.headroom.workload.Request;
import java.util.Arrays;

/**
 * Admitted chat requests that have not ended, in reusable slots of parallel primitive arrays, so
 * an end-of-request event carries only its slot number. Not thread-safe.
 */
final class InFlightRequests {

    private int[] users = new int[256];
    private long[] costs = new long[256];
    private long[] tokensIn = new long[256];
    private long[] tokensOut = new long[256];
    private int[] generations = new int[256];
    private int[] free = new int[256];
    private int freeCount;
    private int used;

    /**
     * Stores a request started on the backend of generation {@code generation} and returns its
     * slot.
     */
    int open(int user, Request request, int generation) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == users.length) {
                users = Arrays.copyOf(users, used * 2);
                costs = Arrays.copyOf(costs, used * 2);
                tokensIn = Arrays.copyOf(tokensIn, used * 2);
                tokensOut = Arrays.copyOf(tokensOut, used * 2);
                generations = Arrays.copyOf(generations, used * 2);
                free = Arrays.copyOf(free, used * 2);
            }
            slot = used++;
        }
        users[slot] = user;
        costs[slot] = request.costMicros();
        tokensIn[slot] = request.tokensIn();
        tokensOut[slot] = request.tokensOut();
        generations[slot] = generation;
        return slot;
    }

    int user(int slot) {
        return users[slot];
    }

    long costMicros(int slot) {
        return costs[slot];
    }

    long tokensIn(int slot) {
        return tokensIn[slot];
    }

    long tokensOut(int slot) {
        return tokensOut[slot];
    }

    /** Returns the generation of the backend that the request started on. */
    int generation(int slot) {
        return generations[slot];
    }

    /** Frees a slot for reuse. */
    void close(int slot) {
        free[freeCount++] = slot;
    }
}
