package dev.headroom.sheets.limits;

/**
 * The movement of a per-minute quota window. Google states only that the quotas are "refilled every
 * minute" (Sheets API usage limits, copy of 2026-04-23), so both readings are offered.
 */
public enum WindowKind {
    /** Counts reset at each whole minute of the clock: {@code [k * 60 s, (k + 1) * 60 s)}. */
    FIXED,
    /** A call passes if fewer than the limit were accepted in the 60 s before it. */
    SLIDING
}
