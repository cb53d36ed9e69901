package dev.headroom.model.credit;

import java.util.Arrays;

/**
 * Per-user credit balances, the balance cache and the overspend that an admission design lets
 * through. The run calls {@link #onCredit} for each purchase, {@link #onRequestStart} when a
 * chat request arrives, and {@link #onRequestEnd} when an admitted request finishes.
 *
 * <p>The ledger balance is the sum of credits minus the costs logged so far. Overspend is the
 * part of each logged cost that the ledger balance did not cover when the cost was logged. For
 * example, a cost of 5 logged on a balance of 3 adds 2, and a cost logged on a balance of zero
 * or less adds all of it. A later purchase pays the debt first, but counted overspend stays.
 *
 * <p>Leaves out: the latency of the balance read, which returns the ledger balance at
 * {@code now}; failed reads, which the caller handles; cache invalidation when the proxy logs a
 * cost, which the plan's cache lacks; and actual costs that differ from the cost reserved by
 * {@link AdmissionDesign#ATOMIC_DEBIT}.
 *
 * <p>Not thread-safe. Users are dense indexes from zero; arrays grow as new indexes appear.
 */
public final class CreditAdmission {

    private static final long NO_READ = Long.MIN_VALUE;
    private static final int INITIAL_CAPACITY = 64;

    private final AdmissionParams params;
    private long[] balanceMicros;
    private long[] cachedBalanceMicros;
    private long[] cachedAtMillis;
    private long[] overspendMicros;
    private int[] inFlight;
    private long totalOverspendMicros;
    private long admitted;
    private long rejected;

    public CreditAdmission(AdmissionParams params) {
        this.params = params;
        this.balanceMicros = new long[INITIAL_CAPACITY];
        this.cachedBalanceMicros = new long[INITIAL_CAPACITY];
        this.cachedAtMillis = filledWithNoRead(INITIAL_CAPACITY);
        this.overspendMicros = new long[INITIAL_CAPACITY];
        this.inFlight = new int[INITIAL_CAPACITY];
    }

    /** Returns the settings this admission runs with. */
    public AdmissionParams params() {
        return params;
    }

    /** Adds a credit purchase of {@code amountMicros} (positive) to the user's balance. */
    public void onCredit(int user, long now, long amountMicros) {
        if (amountMicros <= 0) {
            throw new IllegalArgumentException("credit of " + amountMicros + " micro-dollars for"
                    + " user " + user + " at " + now + " ms; it must be positive");
        }
        ensureUser(user);
        balanceMicros[user] = Math.addExact(balanceMicros[user], amountMicros);
    }

    /**
     * Decides whether a request of {@code costMicros} may start at {@code now}. The returned
     * decision names the ledger call it made, which the caller sends to the backend model.
     * Close each admitted request with {@link #onRequestEnd}, and never a rejected one.
     */
    public Admission onRequestStart(int user, long now, long costMicros) {
        requireCost(user, costMicros);
        ensureUser(user);
        Admission decision = switch (params.design()) {
            case CACHED_CHECK -> cachedCheck(user, now);
            case UNCACHED_CHECK -> balanceMicros[user] > 0
                    ? Admission.ADMITTED_READ : Admission.REJECTED_READ;
            case ATOMIC_DEBIT -> conditionalDebit(user, costMicros);
        };
        if (decision.admitted()) {
            inFlight[user]++;
            admitted++;
        } else {
            rejected++;
        }
        return decision;
    }

    /**
     * Ends an admitted request of {@code costMicros} and logs its cost. Under
     * {@link AdmissionDesign#ATOMIC_DEBIT} the cost was debited at the start, so this only
     * closes the request.
     *
     * @throws IllegalStateException if the user has no admitted request in flight
     */
    public void onRequestEnd(int user, long now, long costMicros) {
        requireCost(user, costMicros);
        if (user >= inFlight.length || inFlight[user] == 0) {
            throw new IllegalStateException("user " + user + " has no admitted request in flight"
                    + " at " + now + " ms; call onRequestEnd once per admitted request");
        }
        inFlight[user]--;
        if (!debitsAtStart()) {
            logCost(user, costMicros);
        }
    }

    /**
     * Returns whether a request's cost is taken when it starts, as under
     * {@link AdmissionDesign#ATOMIC_DEBIT}, so that it is paid for whatever happens to its
     * usage row.
     */
    public boolean debitsAtStart() {
        return params.design() == AdmissionDesign.ATOMIC_DEBIT;
    }

    /** Returns the user's ledger balance in micro-dollars, which is negative after overspend. */
    public long balanceMicros(int user) {
        return user < balanceMicros.length ? balanceMicros[user] : 0;
    }

    /** Returns the credit admitted beyond the user's balance so far, in micro-dollars. */
    public long overspendMicros(int user) {
        return user < overspendMicros.length ? overspendMicros[user] : 0;
    }

    /** Returns the credit admitted beyond all users' balances so far, in micro-dollars. */
    public long totalOverspendMicros() {
        return totalOverspendMicros;
    }

    /** Returns the user's admitted requests that have not ended. */
    public int inFlight(int user) {
        return user < inFlight.length ? inFlight[user] : 0;
    }

    /** Returns the number of requests admitted so far. */
    public long admittedCount() {
        return admitted;
    }

    /** Returns the number of requests rejected so far. */
    public long rejectedCount() {
        return rejected;
    }

    private Admission cachedCheck(int user, long now) {
        long readAt = cachedAtMillis[user];
        boolean fresh = readAt != NO_READ && now >= readAt
                && now - readAt < params.cacheTtlMillis();
        if (fresh) {
            return cachedBalanceMicros[user] > 0
                    ? Admission.ADMITTED_CACHED : Admission.REJECTED_CACHED;
        }
        cachedBalanceMicros[user] = balanceMicros[user];
        cachedAtMillis[user] = now;
        return balanceMicros[user] > 0 ? Admission.ADMITTED_READ : Admission.REJECTED_READ;
    }

    private Admission conditionalDebit(int user, long costMicros) {
        if (balanceMicros[user] < costMicros) {
            return Admission.REJECTED_DEBIT;
        }
        balanceMicros[user] -= costMicros;
        return Admission.ADMITTED_DEBIT;
    }

    private void logCost(int user, long costMicros) {
        long covered = Math.max(0, Math.min(costMicros, balanceMicros[user]));
        long uncovered = costMicros - covered;
        balanceMicros[user] = Math.subtractExact(balanceMicros[user], costMicros);
        overspendMicros[user] += uncovered;
        totalOverspendMicros += uncovered;
    }

    private static void requireCost(int user, long costMicros) {
        if (costMicros < 0) {
            throw new IllegalArgumentException("request cost of " + costMicros
                    + " micro-dollars for user " + user + "; it must be zero or more");
        }
    }

    private void ensureUser(int user) {
        if (user < 0) {
            throw new IllegalArgumentException("user index " + user + " is negative");
        }
        if (user < balanceMicros.length) {
            return;
        }
        int capacity = Math.max(user + 1, balanceMicros.length * 2);
        int oldLength = balanceMicros.length;
        balanceMicros = Arrays.copyOf(balanceMicros, capacity);
        cachedBalanceMicros = Arrays.copyOf(cachedBalanceMicros, capacity);
        cachedAtMillis = Arrays.copyOf(cachedAtMillis, capacity);
        Arrays.fill(cachedAtMillis, oldLength, capacity, NO_READ);
        overspendMicros = Arrays.copyOf(overspendMicros, capacity);
        inFlight = Arrays.copyOf(inFlight, capacity);
    }

    private static long[] filledWithNoRead(int capacity) {
        long[] values = new long[capacity];
        Arrays.fill(values, NO_READ);
        return values;
    }
}
