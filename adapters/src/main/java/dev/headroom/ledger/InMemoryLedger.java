package dev.headroom.ledger;

import dev.headroom.metrics.AdapterMetrics;
import dev.headroom.metrics.MetricsRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe {@link UsageLedger} in memory: the reference implementation and the baseline that
 * the simulator and the benchmarks compare stores against. Admission is
 * {@link AdmissionGuarantee#ATOMIC}.
 *
 * <p>Each user's rows and balance are guarded by that user's lock, so calls for different users
 * run in parallel. A transaction id is stored once per user. Metrics count one call per
 * method invocation, with zero bytes and zero latency because no store is involved.
 */
public final class InMemoryLedger implements UsageLedger {

    private static final Comparator<Transaction> BY_TIMESTAMP =
            Comparator.comparing(Transaction::timestamp);

    private final ClosedGuard guard = new ClosedGuard("in-memory ledger");
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicLong usersWithRows = new AtomicLong();
    private final MetricsRecorder metrics = new MetricsRecorder();

    /** One user's rows in the order they were stored, their ids and their running balance. */
    private static final class Account {
        private final List<Transaction> rows = new ArrayList<>();
        private final Set<String> transactionIds = new HashSet<>();
        private long balanceMicros;
    }

    @Override
    public RecordOutcome record(Transaction transaction) {
        guard.requireOpen();
        LedgerArguments.requireTransaction(transaction);
        metrics.recordCall(0, 0);
        Account account = account(transaction.userEmail());
        synchronized (account) {
            if (!account.transactionIds.add(transaction.transactionId())) {
                return RecordOutcome.DUPLICATE;
            }
            append(account, transaction);
            return RecordOutcome.RECORDED;
        }
    }

    @Override
    public long balanceMicros(String userEmail) {
        guard.requireOpen();
        LedgerArguments.requireEmail(userEmail);
        metrics.recordCall(0, 0);
        Account account = accounts.get(userEmail);
        if (account == null) {
            return 0;
        }
        synchronized (account) {
            return account.balanceMicros;
        }
    }

    @Override
    public List<Transaction> transactions(String userEmail, Instant from, Instant to) {
        guard.requireOpen();
        LedgerArguments.requireEmail(userEmail);
        LedgerArguments.requireRange(from, to);
        metrics.recordCall(0, 0);
        Account account = accounts.get(userEmail);
        if (account == null) {
            return List.of();
        }
        List<Transaction> inRange = new ArrayList<>();
        synchronized (account) {
            for (Transaction row : account.rows) {
                if (!row.timestamp().isBefore(from) && row.timestamp().isBefore(to)) {
                    inRange.add(row);
                }
            }
        }
        inRange.sort(BY_TIMESTAMP);
        return List.copyOf(inRange);
    }

    @Override
    public long countUsers() {
        guard.requireOpen();
        metrics.recordCall(0, 0);
        return usersWithRows.get();
    }

    @Override
    public AdmissionOutcome admit(Transaction usage) {
        guard.requireOpen();
        LedgerArguments.requireUsage(usage);
        metrics.recordCall(0, 0);
        Account account = account(usage.userEmail());
        synchronized (account) {
            if (account.transactionIds.contains(usage.transactionId())) {
                return AdmissionOutcome.DUPLICATE;
            }
            if (account.balanceMicros < usage.amountMicros()) {
                return AdmissionOutcome.INSUFFICIENT_BALANCE;
            }
            account.transactionIds.add(usage.transactionId());
            append(account, usage);
            return AdmissionOutcome.ADMITTED;
        }
    }

    @Override
    public AdmissionGuarantee admissionGuarantee() {
        return AdmissionGuarantee.ATOMIC;
    }

    @Override
    public AdapterMetrics metrics() {
        return metrics;
    }

    /** Marks the ledger closed, so later calls are rejected; it owns no connections. */
    @Override
    public void close() {
        guard.close();
    }

    private Account account(String userEmail) {
        return accounts.computeIfAbsent(userEmail, email -> new Account());
    }

    private void append(Account account, Transaction transaction) {
        long newBalance = Math.addExact(account.balanceMicros, transaction.balanceDeltaMicros());
        if (account.rows.isEmpty()) {
            usersWithRows.incrementAndGet();
        }
        account.rows.add(transaction);
        account.balanceMicros = newBalance;
    }
}
