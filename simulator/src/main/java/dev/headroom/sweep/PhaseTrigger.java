package dev.headroom.sweep;

/** An earlier or a later phase's users trigger. */
record PhaseTrigger(String phase, long users) {
}
