package dev.headroom.workload;

/** Cause of a user's sign-up. */
public enum SignUpReason {
    /** The growth curve reached one more active user. */
    GROWTH,
    /** An active user left, and a new one takes their place in the active count. */
    REPLACEMENT
}
