/**
 * Credit admission: decides whether a chat request may start from the user's credit balance,
 * and counts the credit admitted beyond that balance (overspend) under each admission design.
 *
 * <p>Per-user state is kept in primitive arrays indexed by the dense user index, so a run with
 * many users stays small. Amounts are exact micro-dollars.
 */
package dev.headroom.model.credit;
