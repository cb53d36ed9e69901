/**
 * Fast models of the storage backends as the proxy uses them, each with its limit rules:
 * workbook tab and cell budgets, per-minute API quotas, DynamoDB request units, and the latency
 * of each call. A model answers one call at a time, in simulated time, and never blocks.
 *
 * <p>This package contains the {@link dev.headroom.model.BackendModel} interface, the outcome of
 * a call, the counts and gauges that a model reports, and
 * {@link dev.headroom.model.HostingCost}, a hosting bill split into named components that add up
 * exactly. The sub-packages {@code sheets}, {@code dynamodb} and {@code sql} model one kind of
 * backend each, {@code cache} a Redis cache in front of a Sheets model, {@code latency} the call
 * latency that every model draws, and {@code credit} the credit admission that decides which
 * call a request makes. Rules that the Sheets emulator enforces too come from the adapters
 * module, so the model and the emulator cannot drift apart.
 */
package dev.headroom.model;
