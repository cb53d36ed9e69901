/**
 * Call latency of a modelled backend: a draw from a configured distribution, plus a term that
 * grows with the size of the data the call touches (a tab's rows, a user's items).
 */
package dev.headroom.model.latency;
