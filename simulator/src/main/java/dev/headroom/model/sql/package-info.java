/**
 * Fast models of the plan's SQL options for the usage ledger: PostgreSQL on an Amazon RDS
 * instance, whose allocated storage caps the rows, and SQLite on Amazon EFS, whose single write
 * lock serialises every write. Both price their hosting in exact micro-dollars.
 */
package dev.headroom.model.sql;
