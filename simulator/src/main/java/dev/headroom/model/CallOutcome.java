package dev.headroom.model;

/**
 * Outcome of one modelled call, retries included.
 *
 * @param status whether the call finally succeeded, and if not, why
 * @param requests API requests made, counting each retry
 * @param throttles attempts that a quota rejected
 * @param latencyMillis simulated time from the first attempt to the final response, backoff
 *     waits included
 * @param limit the limit that failed the call, or {@code null} when it succeeded
 */
public record CallOutcome(
        Status status, int requests, int throttles, long latencyMillis, String limit) {

    /** Final status of a call. */
    public enum Status {
        /** The call succeeded, possibly after retries. */
        OK,
        /** A quota kept throttling until the retries ran out. */
        THROTTLED,
        /** A capacity limit (tabs, cells, partition throughput) rejected the call. */
        CAPACITY
    }

    /** Returns a successful outcome of one request with the given latency. */
    public static CallOutcome ok(long latencyMillis) {
        return new CallOutcome(Status.OK, 1, 0, latencyMillis, null);
    }

    public boolean succeeded() {
        return status == Status.OK;
    }
}
