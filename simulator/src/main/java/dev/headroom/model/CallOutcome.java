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

    /** A successful outcome that took no request, for a step that needs no API call. */
    public static final CallOutcome NONE = new CallOutcome(Status.OK, 0, 0, 0, null);

    /** Returns a successful outcome of one request with the given latency. */
    public static CallOutcome ok(long latencyMillis) {
        return new CallOutcome(Status.OK, 1, 0, latencyMillis, null);
    }

    public boolean succeeded() {
        return status == Status.OK;
    }

    /**
     * Returns this outcome's requests, throttles and latency as a failure on the capacity limit
     * {@code failedLimit}, such as a tab guard or a cell limit checked after the call.
     */
    public CallOutcome failedOn(String failedLimit) {
        return new CallOutcome(Status.CAPACITY, requests, throttles, latencyMillis, failedLimit);
    }
}
