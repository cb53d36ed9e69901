/**
 * Usage ledgers stored in Google Sheets through Google's Java client: one tab per user, the same
 * sharded across workbooks, one shared log tab, and recent tabs with monthly archive workbooks.
 *
 * <p>The package also contains what those ledgers share: the client factory, the mapping from an
 * email to a tab title, the group commit that sends concurrent rows for one tab in one append,
 * retries of throttled calls, and the mapping of Google's errors to the ledger's typed errors.
 */
package dev.headroom.sheets;
