package dev.headroom.model.sql;

import java.util.Arrays;

/** The ledger rows of each user in a SQL model, by dense user index. */
final class UserRows {

    private long[] rows = new long[64];

    /**
     * Makes room for {@code user}.
     *
     * @throws IllegalArgumentException if {@code user} is negative
     */
    void ensure(int user) {
        if (user < 0) {
            throw new IllegalArgumentException("user index " + user + " is negative");
        }
        if (user >= rows.length) {
            rows = Arrays.copyOf(rows, Math.max(user + 1, rows.length * 2));
        }
    }

    /** Returns the rows of {@code user}, zero for a user never seen. */
    long of(int user) {
        return user >= 0 && user < rows.length ? rows[user] : 0;
    }

    /** Adds {@code count} rows to {@code user}, who must have been made room for. */
    void add(int user, long count) {
        rows[user] += count;
    }
}
