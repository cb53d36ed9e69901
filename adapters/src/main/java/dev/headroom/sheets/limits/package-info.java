/**
 * Google Sheets limit rules, written once so that the Sheets API emulator and the simulator's
 * fast model enforce the same copy. They cover the cell budget of a workbook's grids, the
 * per-minute request quotas, the characters allowed in one cell, Google's exponential backoff,
 * and the application's own tab guard.
 *
 * <p>The classes do no I/O and read no clock: every method that depends on time takes the
 * current instant in milliseconds from the caller, so a simulation can drive them in simulated
 * time. Each rule names its public source and the date it was read.
 */
package dev.headroom.sheets.limits;
