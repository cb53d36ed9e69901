/**
 * A {@link dev.headroom.ledger.UsageLedger} on JDBC for PostgreSQL and SQLite, with the balance
 * kept in an account row that changes in the same database transaction as each inserted row.
 *
 * <p>Admission is one conditional {@code UPDATE ... WHERE balance_micros >= ?}, so it is
 * {@link dev.headroom.ledger.AdmissionGuarantee#ATOMIC} on both databases. Serialization
 * failures, deadlocks, lost connections and SQLite's busy errors are retried through
 * {@link dev.headroom.retry.RetryPolicy}.
 */
package dev.headroom.jdbc;
