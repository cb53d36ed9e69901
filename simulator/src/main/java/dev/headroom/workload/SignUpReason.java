package dev.headroom.workload;

/** Why a user signs up. */
public enum SignUpReason {
    /** The growth curve reached one more active user. */
    GROWTH,
    /** An active user left, and a new one takes their place in the active count. */
    REPLACEMENT
}
