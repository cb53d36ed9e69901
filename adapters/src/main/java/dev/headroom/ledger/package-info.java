/**
 * The usage-ledger contract that every storage adapter implements: transactions, exact money,
 * admission by conditional debit, and the typed errors a caller can handle.
 *
 * <p>Amounts are long micro-dollars (one dollar is 1,000,000). Every write is idempotent by
 * transaction id, so a caller may retry any write after a timeout without recording it twice.
 */
package dev.headroom.ledger;
