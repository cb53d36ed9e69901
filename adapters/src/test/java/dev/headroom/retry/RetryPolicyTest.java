package dev.headroom.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static RetryPolicy.Builder policy(Jitter jitter, double fraction) {
        return RetryPolicy.builder()
                .baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofSeconds(3))
                .jitter(jitter)
                .uniform(() -> fraction);
    }

    @Test
    void exponentialDelay_doublesUntilCap() {
        RetryPolicy retry = policy(Jitter.FULL, 0.0).build();

        assertEquals(100_000_000L, retry.cappedExponentialNanos(1));
        assertEquals(200_000_000L, retry.cappedExponentialNanos(2));
        assertEquals(1_600_000_000L, retry.cappedExponentialNanos(5));
        assertEquals(3_000_000_000L, retry.cappedExponentialNanos(6));
        assertEquals(3_000_000_000L, retry.cappedExponentialNanos(70));
        assertEquals(3_000_000_000L, retry.cappedExponentialNanos(Integer.MAX_VALUE));
    }

    @Test
    void fullJitter_scalesExponentialDelay() {
        assertEquals(Duration.ZERO, policy(Jitter.FULL, 0.0).build().delayBeforeRetry(3));
        assertEquals(Duration.ofMillis(200), policy(Jitter.FULL, 0.5).build().delayBeforeRetry(3));
        assertEquals(Duration.ofMillis(1_500),
                policy(Jitter.FULL, 0.5).build().delayBeforeRetry(9));
    }

    @Test
    void additiveJitter_addsUpToBaseDelay() {
        assertEquals(Duration.ofMillis(400),
                policy(Jitter.ADDITIVE, 0.0).build().delayBeforeRetry(3));
        assertEquals(Duration.ofMillis(450),
                policy(Jitter.ADDITIVE, 0.5).build().delayBeforeRetry(3));
        assertEquals(Duration.ofSeconds(3),
                policy(Jitter.ADDITIVE, 0.9).build().delayBeforeRetry(6));
    }

    @Test
    void fullJitter_staysInRangeOverManyDraws() {
        SplittableRandom random = new SplittableRandom(42);
        RetryPolicy retry = policy(Jitter.FULL, 0).uniform(random::nextDouble).build();
        for (int retryNumber = 1; retryNumber <= 10; retryNumber++) {
            long cap = retry.cappedExponentialNanos(retryNumber);
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int draw = 0; draw < 2_000; draw++) {
                long nanos = retry.delayBeforeRetry(retryNumber).toNanos();
                assertTrue(nanos >= 0, "negative delay " + nanos);
                assertTrue(nanos <= cap, "delay " + nanos + " above " + cap);
                min = Math.min(min, nanos);
                max = Math.max(max, nanos);
            }
            assertTrue(min < cap / 10, "draws never came near zero: " + min);
            assertTrue(max > cap * 9 / 10, "draws never came near the cap: " + max);
        }
    }

    @Test
    void additiveJitter_staysInRangeOverManyDraws() {
        SplittableRandom random = new SplittableRandom(7);
        RetryPolicy retry = policy(Jitter.ADDITIVE, 0).uniform(random::nextDouble).build();
        for (int draw = 0; draw < 2_000; draw++) {
            long nanos = retry.delayBeforeRetry(2).toNanos();
            assertTrue(nanos >= 200_000_000L, "delay below the exponential part: " + nanos);
            assertTrue(nanos < 300_000_000L, "extra above the base delay: " + nanos);
        }
    }

    @Test
    void sameSeed_givesSameDelays() {
        RetryPolicy first = policy(Jitter.FULL, 0)
                .uniform(new SplittableRandom(5)::nextDouble).build();
        RetryPolicy second = policy(Jitter.FULL, 0)
                .uniform(new SplittableRandom(5)::nextDouble).build();
        for (int retryNumber = 1; retryNumber <= 8; retryNumber++) {
            assertEquals(first.delayBeforeRetry(retryNumber), second.delayBeforeRetry(retryNumber));
        }
    }

    @Test
    void jitterSourceOutOfRange_isRejected() {
        RetryPolicy retry = policy(Jitter.FULL, 1.0).build();

        IllegalStateException error =
                assertThrows(IllegalStateException.class, () -> retry.delayBeforeRetry(1));
        assertTrue(error.getMessage().contains("[0, 1)"), error.getMessage());
    }

    @Test
    void invalidSettings_areRejectedWithName() {
        IllegalArgumentException attempts = assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.builder().maxAttempts(0));
        assertTrue(attempts.getMessage().contains("maxAttempts is 0"), attempts.getMessage());

        IllegalArgumentException delay = assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.builder().baseDelay(Duration.ZERO));
        assertTrue(delay.getMessage().contains("baseDelay"), delay.getMessage());

        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(9)).build());
        assertTrue(order.getMessage().contains("longer than maxDelay"), order.getMessage());

        IllegalArgumentException retryNumber = assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.defaults().delayBeforeRetry(0));
        assertTrue(retryNumber.getMessage().contains("first retry is 1"),
                retryNumber.getMessage());
    }
}
