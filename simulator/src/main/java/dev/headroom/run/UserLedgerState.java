package dev.headroom.run;

import dev.headroom.plan.ExistingUsers;
import dev.headroom.workload.Workload;
import java.util.Arrays;

/**
 * Per-user ledger state in primitive arrays: whether the user was placed and how many rows it
 * has stored. Emails are derived from the workload on demand, not stored. Not
 * thread-safe.
 */
final class UserLedgerState implements ExistingUsers {

    private final Workload workload;
    private boolean[] placed = new boolean[1024];
    private long[] rows = new long[1024];
    private int size;

    UserLedgerState(Workload workload) {
        this.workload = workload;
    }

    /** Records the outcome of user {@code user}'s sign-up; users arrive in index order. */
    void signedUp(int user, boolean success) {
        if (user >= placed.length) {
            int capacity = Math.max(user + 1, placed.length * 2);
            placed = Arrays.copyOf(placed, capacity);
            rows = Arrays.copyOf(rows, capacity);
        }
        placed[user] = success;
        size = Math.max(size, user + 1);
    }

    void rowStored(int user) {
        rows[user]++;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean placed(int user) {
        return placed[user];
    }

    @Override
    public String email(int user) {
        return workload.email(user);
    }

    @Override
    public long rows(int user) {
        return rows[user];
    }
}
