package dev.headroom.sheets.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GoogleBackoffTest {

    @Test
    void delaysDoubleFromOneSecond() {
        GoogleBackoff backoff = new GoogleBackoff(64_000, 10);

        assertEquals(1_000, backoff.delayMillis(0, bound -> 0));
        assertEquals(2_000, backoff.delayMillis(1, bound -> 0));
        assertEquals(4_000, backoff.delayMillis(2, bound -> 0));
        assertEquals(32_000, backoff.delayMillis(5, bound -> 0));
    }

    @Test
    void jitterAddsUpToOneSecond() {
        GoogleBackoff backoff = new GoogleBackoff(64_000, 10);

        assertEquals(2_000, backoff.delayMillis(0, bound -> bound - 1));
        assertEquals(1_437, backoff.delayMillis(0, bound -> 437));
    }

    @Test
    void delayStopsAtMaximumBackoff() {
        GoogleBackoff backoff = new GoogleBackoff(32_000, 10);

        assertEquals(17_000, backoff.delayMillis(4, bound -> bound - 1));
        assertEquals(32_000, backoff.delayMillis(5, bound -> 0));
        assertEquals(32_000, backoff.delayMillis(5, bound -> 1));
        assertEquals(32_000, backoff.delayMillis(1_000, bound -> 999));
    }

    @Test
    void jitterIsDrawnFromTheCallersSource() {
        GoogleBackoff backoff = GoogleBackoff.DEFAULT;
        Random first = new Random(42);
        Random second = new Random(42);

        for (int retry = 0; retry < 5; retry++) {
            long delay = backoff.delayMillis(retry, first::nextInt);
            assertEquals(delay, backoff.delayMillis(retry, second::nextInt));
            assertTrue(delay >= 1_000L << retry);
            assertTrue(delay <= (1_000L << retry) + 1_000);
        }
    }

    @Test
    void retryCapIsEnforced() {
        GoogleBackoff backoff = new GoogleBackoff(32_000, 3);

        assertTrue(backoff.allowsRetry(2));
        assertFalse(backoff.allowsRetry(3));
    }

    @Test
    void randomSourceOutOfRangeIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> GoogleBackoff.DEFAULT.delayMillis(0, bound -> bound));
    }
}
