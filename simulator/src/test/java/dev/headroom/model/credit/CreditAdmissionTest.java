package dev.headroom.model.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CreditAdmissionTest {

    private static final int USER = 0;
    private static final long TTL = 30_000L;

    private static CreditAdmission funded(AdmissionDesign design, long creditMicros) {
        CreditAdmission admission = new CreditAdmission(new AdmissionParams(design, TTL));
        admission.onCredit(USER, 0, creditMicros);
        return admission;
    }

    @Test
    void uncachedCheckOverspendsWithConcurrentRequests() {
        CreditAdmission admission = funded(AdmissionDesign.UNCACHED_CHECK, 10);

        assertEquals(Admission.ADMITTED_READ, admission.onRequestStart(USER, 0, 8));
        assertEquals(Admission.ADMITTED_READ, admission.onRequestStart(USER, 1, 8));
        assertEquals(2, admission.inFlight(USER));
        admission.onRequestEnd(USER, 5, 8);
        assertEquals(0, admission.overspendMicros(USER));
        admission.onRequestEnd(USER, 6, 8);

        assertEquals(6, admission.overspendMicros(USER));
        assertEquals(-6, admission.balanceMicros(USER));
        assertEquals(Admission.REJECTED_READ, admission.onRequestStart(USER, 7, 8));
        assertEquals(2, admission.admittedCount());
        assertEquals(1, admission.rejectedCount());
    }

    @Test
    void cachedCheckOverspendsUntilCacheExpires() {
        CreditAdmission admission = funded(AdmissionDesign.CACHED_CHECK, 10);

        assertEquals(Admission.ADMITTED_READ, admission.onRequestStart(USER, 0, 8));
        admission.onRequestEnd(USER, 1, 8);
        assertEquals(Admission.ADMITTED_CACHED, admission.onRequestStart(USER, 2, 8));
        admission.onRequestEnd(USER, 3, 8);
        assertEquals(Admission.ADMITTED_CACHED, admission.onRequestStart(USER, 4, 8));
        admission.onRequestEnd(USER, 5, 8);

        assertEquals(14, admission.overspendMicros(USER));
        assertEquals(-14, admission.balanceMicros(USER));
        assertEquals(Admission.REJECTED_READ, admission.onRequestStart(USER, TTL, 8));
        assertEquals(Admission.REJECTED_CACHED, admission.onRequestStart(USER, TTL + 1, 8));
    }

    @Test
    void uncachedCheckOnSameSequenceOverspendsLess() {
        CreditAdmission admission = funded(AdmissionDesign.UNCACHED_CHECK, 10);

        admission.onRequestStart(USER, 0, 8);
        admission.onRequestEnd(USER, 1, 8);
        assertEquals(Admission.ADMITTED_READ, admission.onRequestStart(USER, 2, 8));
        admission.onRequestEnd(USER, 3, 8);
        assertEquals(Admission.REJECTED_READ, admission.onRequestStart(USER, 4, 8));

        assertEquals(6, admission.overspendMicros(USER));
        assertEquals(6, admission.totalOverspendMicros());
    }

    @Test
    void cacheEntryExpiresAtTtl() {
        CreditAdmission admission = funded(AdmissionDesign.CACHED_CHECK, 100);

        assertEquals(Admission.ADMITTED_READ, admission.onRequestStart(USER, 0, 1));
        assertEquals(Admission.ADMITTED_CACHED, admission.onRequestStart(USER, TTL - 1, 1));
        assertEquals(Admission.ADMITTED_READ, admission.onRequestStart(USER, TTL, 1));
    }

    @Test
    void atomicDebitNeverOverspends() {
        CreditAdmission admission = funded(AdmissionDesign.ATOMIC_DEBIT, 10);

        assertEquals(Admission.ADMITTED_DEBIT, admission.onRequestStart(USER, 0, 8));
        assertEquals(Admission.REJECTED_DEBIT, admission.onRequestStart(USER, 1, 8));
        admission.onRequestEnd(USER, 5, 8);

        assertEquals(0, admission.overspendMicros(USER));
        assertEquals(2, admission.balanceMicros(USER));
    }

    @Test
    void atomicDebitAdmitsCostEqualToBalance() {
        CreditAdmission exact = funded(AdmissionDesign.ATOMIC_DEBIT, 8);
        CreditAdmission over = funded(AdmissionDesign.ATOMIC_DEBIT, 8);

        assertEquals(Admission.ADMITTED_DEBIT, exact.onRequestStart(USER, 0, 8));
        assertEquals(0, exact.balanceMicros(USER));
        assertEquals(Admission.REJECTED_DEBIT, over.onRequestStart(USER, 0, 9));
        assertEquals(8, over.balanceMicros(USER));
    }

    @Test
    void creditPaysDebtButKeepsOverspend() {
        CreditAdmission admission = funded(AdmissionDesign.UNCACHED_CHECK, 1);
        admission.onRequestStart(USER, 0, 5);
        admission.onRequestEnd(USER, 1, 5);

        admission.onCredit(USER, 2, 10);

        assertEquals(6, admission.balanceMicros(USER));
        assertEquals(4, admission.overspendMicros(USER));
    }

    @Test
    void checkAdmitsOnlyPositiveBalance() {
        CreditAdmission admission = new CreditAdmission(
                new AdmissionParams(AdmissionDesign.UNCACHED_CHECK, TTL));

        assertEquals(Admission.REJECTED_READ, admission.onRequestStart(USER, 0, 1));
        admission.onCredit(USER, 1, 1);
        assertEquals(Admission.ADMITTED_READ, admission.onRequestStart(USER, 2, 1));
    }

    @Test
    void usersKeepSeparateBalances() {
        CreditAdmission admission = new CreditAdmission(AdmissionParams.PLAN);
        admission.onCredit(1_000, 0, 50);

        assertEquals(Admission.REJECTED_READ, admission.onRequestStart(999, 0, 1));
        assertEquals(Admission.ADMITTED_READ, admission.onRequestStart(1_000, 0, 1));
        assertEquals(50, admission.balanceMicros(1_000));
        assertEquals(0, admission.balanceMicros(5_000));
    }

    @Test
    void endWithoutStartIsRejected() {
        CreditAdmission admission = funded(AdmissionDesign.CACHED_CHECK, 10);

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> admission.onRequestEnd(USER, 3, 1));

        assertEquals("user 0 has no admitted request in flight at 3 ms; call onRequestEnd"
                + " once per admitted request", error.getMessage());
    }

    @Test
    void nonPositiveCreditIsRejected() {
        CreditAdmission admission = new CreditAdmission(AdmissionParams.PLAN);

        assertThrows(IllegalArgumentException.class, () -> admission.onCredit(USER, 0, 0));
    }
}
