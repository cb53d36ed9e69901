/**
 * An in-memory server for the Google Sheets API v4 REST calls that the Sheets adapters make,
 * enforcing Google's limits so that the adapters' tests, and any program pointed at
 * {@code headroom emulate sheets}, can meet them on loopback. A simulation run does not call it.
 *
 * <p>{@link dev.headroom.sheets.emulator.SheetsEmulator} starts the server from an
 * {@link dev.headroom.sheets.emulator.EmulatorConfig}. The limit rules themselves live in
 * {@link dev.headroom.sheets.limits}, shared with the simulator's fast model. Workbooks exist
 * only in memory and vanish when the server stops.
 */
package dev.headroom.sheets.emulator;
