/**
 * Fast models of the storage backends as the proxy uses them, each with its limit rules:
 * workbook tab and cell budgets, per-minute API quotas, DynamoDB request units, and the latency
 * of each call. A model answers one call at a time, in simulated time, and never blocks.
 *
 * <p>Sub-packages hold one backend each; rules that the Sheets emulator enforces too come from
 * the adapters module, so the model and the emulator cannot drift apart.
 */
package dev.headroom.model;
