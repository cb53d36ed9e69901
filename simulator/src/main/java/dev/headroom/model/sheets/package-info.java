/**
 * Fast models of the Google Sheets usage ledger: a tab per user in one workbook or in several
 * sharded ones, or one shared log tab, and the job that moves a tab-per-user ledger's old rows
 * into monthly archive workbooks at a set interval. They apply the application's tab guard,
 * Google's cell limit over every tab's grid, the per-minute API quotas with Google's backoff,
 * and call latency, all in simulated time.
 *
 * <p>The limit rules come from {@code dev.headroom.sheets.limits} in the adapters module, which
 * the Sheets emulator enforces too, so the model and the emulator apply one copy of each rule.
 */
package dev.headroom.model.sheets;
