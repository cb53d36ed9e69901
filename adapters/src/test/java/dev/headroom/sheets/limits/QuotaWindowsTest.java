package dev.headroom.sheets.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuotaWindowsTest {

    private static final String ROBOT = "robot@example.iam.gserviceaccount.com";

    @Test
    void sixtyFirstWriteInMinuteIsRejected() {
        QuotaWindows quotas = new QuotaWindows();
        for (int call = 0; call < 60; call++) {
            assertTrue(quotas.tryAcquire(ROBOT, RequestKind.WRITE, 1_000 + call).granted());
        }

        QuotaDecision decision = quotas.tryAcquire(ROBOT, RequestKind.WRITE, 59_999);

        assertFalse(decision.granted());
        assertEquals(Optional.of(Quota.WRITE_REQUESTS_PER_MINUTE_PER_USER), decision.rejectedBy());
        assertEquals("WriteRequestsPerMinutePerUser",
                decision.rejectedBy().orElseThrow().limitName());
    }

    @Test
    void fixedWindowRefillsAtTheNextMinute() {
        QuotaWindows quotas = new QuotaWindows();
        for (int call = 0; call < 60; call++) {
            quotas.tryAcquire(ROBOT, RequestKind.READ, 59_000);
        }

        assertFalse(quotas.tryAcquire(ROBOT, RequestKind.READ, 59_999).granted());
        assertEquals(60_000, quotas.nextGrantMillis(ROBOT, RequestKind.READ, 59_999));
        assertTrue(quotas.tryAcquire(ROBOT, RequestKind.READ, 60_000).granted());
    }

    @Test
    void slidingWindowRefillsSixtySecondsLater() {
        QuotaWindows quotas = new QuotaWindows(QuotaLimits.GOOGLE_DEFAULTS, WindowKind.SLIDING);
        for (int call = 0; call < 60; call++) {
            quotas.tryAcquire(ROBOT, RequestKind.WRITE, 59_000 + call);
        }

        assertFalse(quotas.tryAcquire(ROBOT, RequestKind.WRITE, 60_000).granted());
        assertFalse(quotas.tryAcquire(ROBOT, RequestKind.WRITE, 118_999).granted());
        assertEquals(119_000, quotas.nextGrantMillis(ROBOT, RequestKind.WRITE, 118_999));
        assertTrue(quotas.tryAcquire(ROBOT, RequestKind.WRITE, 119_000).granted());
        assertFalse(quotas.tryAcquire(ROBOT, RequestKind.WRITE, 119_000).granted());
        assertTrue(quotas.tryAcquire(ROBOT, RequestKind.WRITE, 119_001).granted());
    }

    @Test
    void readsAndWritesCountApart() {
        QuotaWindows quotas = new QuotaWindows(new QuotaLimits(300, 1, 300, 1), WindowKind.FIXED);

        assertTrue(quotas.tryAcquire(ROBOT, RequestKind.READ, 0).granted());
        assertTrue(quotas.tryAcquire(ROBOT, RequestKind.WRITE, 0).granted());
        assertEquals(Optional.of(Quota.READ_REQUESTS_PER_MINUTE_PER_USER),
                quotas.tryAcquire(ROBOT, RequestKind.READ, 0).rejectedBy());
    }

    @Test
    void usersCountApartButShareTheProject() {
        QuotaWindows quotas = new QuotaWindows(new QuotaLimits(300, 60, 3, 2), WindowKind.FIXED);

        assertTrue(quotas.tryAcquire("alice", RequestKind.WRITE, 0).granted());
        assertTrue(quotas.tryAcquire("alice", RequestKind.WRITE, 0).granted());
        assertEquals(Optional.of(Quota.WRITE_REQUESTS_PER_MINUTE_PER_USER),
                quotas.tryAcquire("alice", RequestKind.WRITE, 0).rejectedBy());
        assertTrue(quotas.tryAcquire("bob", RequestKind.WRITE, 0).granted());
        assertEquals(Optional.of(Quota.WRITE_REQUESTS_PER_MINUTE),
                quotas.tryAcquire("bob", RequestKind.WRITE, 0).rejectedBy());
    }

    @Test
    void rejectedCallIsNotCounted() {
        QuotaWindows quotas = new QuotaWindows(new QuotaLimits(2, 1, 2, 1), WindowKind.FIXED);
        quotas.tryAcquire("alice", RequestKind.READ, 0);
        for (int call = 0; call < 5; call++) {
            quotas.tryAcquire("alice", RequestKind.READ, 0);
        }

        assertTrue(quotas.tryAcquire("bob", RequestKind.READ, 0).granted());
    }

    @Test
    void earlierTimeCountsInTheLaterWindow() {
        QuotaWindows quotas = new QuotaWindows(new QuotaLimits(300, 1, 300, 1), WindowKind.FIXED);
        assertTrue(quotas.tryAcquire(ROBOT, RequestKind.READ, 60_500).granted());

        assertFalse(quotas.tryAcquire(ROBOT, RequestKind.READ, 59_000).granted());
    }
}
