package dev.headroom.cache;

import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.InMemoryLedger;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.metrics.AdapterMetrics;
import java.time.Instant;
import java.util.List;

/**
 * In-memory ledger whose next balance read runs a given action after it has read the balance
 * and before it returns, so a test can place a write inside a read.
 */
final class OverlappingWriteLedger implements UsageLedger {

    private final InMemoryLedger store = new InMemoryLedger();
    private Runnable duringNextRead;

    /** Runs {@code action} inside the next balance read, once. */
    void duringNextRead(Runnable action) {
        this.duringNextRead = action;
    }

    @Override
    public long balanceMicros(String userEmail) {
        long balance = store.balanceMicros(userEmail);
        Runnable action = duringNextRead;
        duringNextRead = null;
        if (action != null) {
            action.run();
        }
        return balance;
    }

    @Override
    public RecordOutcome record(Transaction transaction) {
        return store.record(transaction);
    }

    @Override
    public List<Transaction> transactions(String userEmail, Instant from, Instant to) {
        return store.transactions(userEmail, from, to);
    }

    @Override
    public long countUsers() {
        return store.countUsers();
    }

    @Override
    public AdmissionOutcome admit(Transaction usage) {
        return store.admit(usage);
    }

    @Override
    public AdmissionGuarantee admissionGuarantee() {
        return store.admissionGuarantee();
    }

    @Override
    public AdapterMetrics metrics() {
        return store.metrics();
    }

    @Override
    public void close() {
        store.close();
    }
}
