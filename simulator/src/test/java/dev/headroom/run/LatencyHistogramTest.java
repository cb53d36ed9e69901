package dev.headroom.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentile_smallValues_isExactNearestRank() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long millis = 1; millis <= 100; millis++) {
            histogram.record(millis);
        }

        assertEquals(50, histogram.percentile(0.5));
        assertEquals(95, histogram.percentile(0.95));
        assertEquals(100, histogram.percentile(1.0));
    }

    @Test
    void percentile_largeValue_withinBucketPrecision() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(64_123);

        long reported = histogram.percentile(0.95);

        assertTrue(reported <= 64_123, Long.toString(reported));
        assertTrue(reported >= 64_123 * (1 - 1.0 / LatencyHistogram.SUB_BUCKETS),
                Long.toString(reported));
    }

    @Test
    void percentile_empty_isZero() {
        assertEquals(0, new LatencyHistogram().percentile(0.95));
    }

    @Test
    void clear_forgetsValues() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(500);
        histogram.clear();

        assertEquals(0, histogram.count());
        assertEquals(0, histogram.percentile(0.5));
    }
}
