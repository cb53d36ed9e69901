package dev.headroom.model.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeyThroughputTest {

    @Test
    void peak_chargesWithinCeiling_isLargestSecond() {
        KeyThroughput keys = new KeyThroughput(100);

        assertEquals(0, keys.charge(0, 0, 60, 3));
        assertEquals(500, keys.charge(0, 500, 30, 3));
        assertEquals(1_200, keys.charge(1, 1_200, 20, 3));

        assertEquals(90, keys.peakUnits());
    }

    @Test
    void peak_throttledCharge_reachesCeiling() {
        KeyThroughput keys = new KeyThroughput(100);
        keys.charge(0, 0, 60, 3);

        long accepted = keys.charge(0, 10, 50, 3);

        assertEquals(1_000, accepted, "the charge waits for the next second");
        assertEquals(1, keys.lastThrottles());
        assertEquals(100, keys.peakUnits());
    }

    @Test
    void charge_retriesRunOut_isRejected() {
        KeyThroughput keys = new KeyThroughput(100);

        assertEquals(-1, keys.charge(0, 0, 150, 2));
        assertEquals(2, keys.lastThrottles());
        assertEquals(100, keys.peakUnits());
    }

    @Test
    void charge_retriesRunOut_lastAttemptTime() {
        // 150 units never fit a ceiling of 100. The attempt at 500 ms waits for second 1 and
        // then second 2, so the two retries run at 1,000 and 2,000 ms.
        KeyThroughput keys = new KeyThroughput(100);

        assertEquals(-1, keys.charge(0, 500, 150, 2));
        assertEquals(2_000, keys.lastAttemptMillis());
    }

    @Test
    void charge_behindWaitedCharge_waits() {
        // The second charge does not fit second 0 and takes 60 units of second 1. A third
        // charge at 20 ms fits what is left of second 1, so it runs then, not at once.
        KeyThroughput keys = new KeyThroughput(100);
        keys.charge(0, 0, 60, 3);
        keys.charge(0, 10, 60, 3);

        assertEquals(1_000, keys.charge(0, 20, 30, 3));
        assertEquals(1, keys.lastThrottles());
    }

    @Test
    void charge_queueLongerThanRetries_isRejected() {
        // Second 1 is taken by the charge that waited for it, so the third charge would wait
        // two seconds, one more than its retries allow.
        KeyThroughput keys = new KeyThroughput(100);
        keys.charge(0, 0, 80, 1);
        assertEquals(1_000, keys.charge(0, 10, 80, 1));

        assertEquals(-1, keys.charge(0, 20, 80, 1));
        assertEquals(1, keys.lastThrottles());
        assertEquals(1_000, keys.lastAttemptMillis());
    }

    @Test
    void charge_outOfOrderNoWait_runsAtOnce() {
        // A call of one user that arrives out of time order, with no charge waiting, is
        // counted in the key's latest second and runs at its own time.
        KeyThroughput keys = new KeyThroughput(100);
        keys.charge(0, 1_005, 10, 3);

        assertEquals(995, keys.charge(0, 995, 10, 3));
        assertEquals(0, keys.lastThrottles());
    }
}
