package dev.headroom.model.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headroom.engine.RandomStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatencyModelTest {

    @Test
    void fixedLatencyGrowsWithRows() {
        LatencyParams params = new LatencyParams(LatencyShape.FIXED, 120.0, 0.0, 5.0);
        LatencyModel model = new LatencyModel(params, new RandomStream(1));

        assertEquals(120, model.sampleMillis(0));
        assertEquals(125, model.sampleMillis(1_000));
        assertEquals(170, model.sampleMillis(10_000));
    }

    @Test
    void logNormalMedianMatchesSetting() {
        LatencyParams params = new LatencyParams(LatencyShape.LOGNORMAL, 200.0, 0.5, 0.0);
        LatencyModel model = new LatencyModel(params, new RandomStream(42));
        long[] draws = new long[20_001];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = model.sampleMillis(0);
        }
        Arrays.sort(draws);

        long median = draws[draws.length / 2];
        assertEquals(200.0, median, 6.0, "sample median of 20,001 draws");
    }

    @Test
    void sameSeedGivesSameDraws() {
        LatencyParams params = new LatencyParams(LatencyShape.LOGNORMAL, 80.0, 1.0, 2.0);
        LatencyModel first = new LatencyModel(params, new RandomStream(7));
        LatencyModel second = new LatencyModel(params, new RandomStream(7));

        for (int i = 0; i < 100; i++) {
            assertEquals(first.sampleMillis(i * 100L), second.sampleMillis(i * 100L));
        }
    }

    @Test
    void nonPositiveMedianIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LatencyParams.fixed(0.0));

        assertEquals("median latency is 0.0; it must be a finite positive number",
                error.getMessage());
    }
}
