package dev.headroom.sheets;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cached state of one user's rows: the transaction ids and the balance they sum to. Guarded by
 * {@link #lock}, which also serializes the user's writes within one ledger.
 */
final class UserAccount {

    final ReentrantLock lock = new ReentrantLock();
    final Set<String> ids = new HashSet<>();
    long balanceMicros;
    boolean tabExists;
    boolean loaded;
    long loadedAtNanos;

    /** Forgets what was read, so the next access reads the rows again. */
    void invalidate() {
        loaded = false;
    }

    /** Replaces what was read with an empty account. */
    void reset(long nowNanos) {
        ids.clear();
        balanceMicros = 0;
        loaded = true;
        loadedAtNanos = nowNanos;
    }
}
