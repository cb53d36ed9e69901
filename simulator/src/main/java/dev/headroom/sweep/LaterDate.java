package dev.headroom.sweep;

import java.time.LocalDate;

/** A later phase's date trigger. */
record LaterDate(String phase, LocalDate date) {
}
