package dev.headroom.retry;

/** Category of a failed store call, as a {@link FailureClassifier} assigns it. */
public enum FailureKind {
    /** The store rejected the call for load or quota; the same call may succeed later. */
    THROTTLED,
    /** The call failed for a passing reason (lock conflict, timeout, server error). */
    TRANSIENT,
    /** Repeating the call cannot help, so the error goes to the caller at once. */
    PERMANENT
}
