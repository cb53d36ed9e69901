package dev.headroom.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.RandomStream;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class RequestGeneratorTest {

    private static final ModelOption SMALL = new ModelOption("small", 3, 150_000, 600_000);
    private static final ModelOption LARGE = new ModelOption("large", 1, 2_500_000, 10_000_000);

    @Test
    void costMicros_exactForWholeMicros() {
        // 1,000 * $0.15/M + 500 * $0.60/M = $0.00015 + $0.0003 = 450 micro-dollars.
        assertEquals(450, SMALL.costMicros(1_000, 500));
        assertEquals(0, SMALL.costMicros(0, 0));
    }

    @Test
    void costMicros_roundsFractionUp() {
        // One prompt token costs 0.15 micro-dollars, charged as 1.
        assertEquals(1, SMALL.costMicros(1, 0));
        // 7 * 0.15 + 3 * 0.6 = 2.85 micro-dollars, charged as 3.
        assertEquals(3, SMALL.costMicros(7, 3));
        // 10 * 0.6 = 6 micro-dollars exactly, not rounded up.
        assertEquals(6, SMALL.costMicros(0, 10));
    }

    @Test
    void costMicros_overflowThrows() {
        ModelOption expensive = new ModelOption("x", 1, Long.MAX_VALUE / 2, 0);

        assertThrows(ArithmeticException.class, () -> expensive.costMicros(3, 0));
    }

    @Test
    void modelMix_drawsInProportionToShares() {
        ModelMix mix = new ModelMix(List.of(SMALL, LARGE));
        RandomStream stream = new RandomStream(3);
        long[] counts = new long[2];
        for (int i = 0; i < 40_000; i++) {
            counts[mix.drawIndex(stream)]++;
        }

        assertEquals(0.75, mix.probability(0), 1e-12);
        double p = new ChiSquareTest().chiSquareTest(new double[] {30_000, 10_000}, counts);
        assertTrue(p > 0.01, "chi-square p-value " + p + " for counts " + Arrays.toString(counts));
    }

    @Test
    void modelMix_zeroShareNeverDrawn() {
        ModelMix mix = new ModelMix(List.of(new ModelOption("off", 0, 1, 1), LARGE));
        RandomStream stream = new RandomStream(4);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(1, mix.drawIndex(stream));
        }
    }

    @Test
    void draw_costFollowsModelAndTokens() {
        RequestGenerator generator = generator(new DurationModel(200, 0, 20, 0));
        RandomStream sizes = new RandomStream(5);
        RandomStream durations = new RandomStream(6);
        for (int i = 0; i < 1_000; i++) {
            Request request = generator.draw(sizes, durations);
            ModelOption model = generator.models().option(request.modelIndex());
            assertEquals(model.name(), request.model());
            assertEquals(model.costMicros(request.tokensIn(), request.tokensOut()),
                    request.costMicros());
            assertEquals(200 + 20 * request.tokensOut(), request.durationMillis());
        }
    }

    @Test
    void draw_durationStreamLeavesSizesUnchanged() {
        RequestGenerator exact = generator(new DurationModel(100, 0.1, 10, 0));
        RequestGenerator jittered = generator(new DurationModel(300, 0, 30, 0.8));
        RandomStream sizesA = new RandomStream(7);
        RandomStream sizesB = new RandomStream(7);
        RandomStream durations = new RandomStream(8);
        boolean durationsDiffer = false;
        for (int i = 0; i < 100; i++) {
            Request a = exact.draw(sizesA, durations);
            Request b = jittered.draw(sizesB, durations);
            assertEquals(a.model(), b.model());
            assertEquals(a.tokensIn(), b.tokensIn());
            assertEquals(a.tokensOut(), b.tokensOut());
            durationsDiffer |= a.durationMillis() != b.durationMillis();
        }
        assertTrue(durationsDiffer);
    }

    @Test
    void durationModel_jitterKeepsMean() {
        DurationModel model = new DurationModel(1_000, 0, 0, 0.5);
        RandomStream stream = new RandomStream(9);
        double sum = 0;
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            sum += model.drawMillis(0, 0, stream);
        }
        // Factor standard deviation sqrt(e^0.25 - 1) = 0.533, standard error 2.7 ms.
        assertEquals(1_000, sum / n, 11);
        assertNotEquals(1_000.0, sum / n);
    }

    @Test
    void creditPolicy_topUpBelowThresholdOnly() {
        CreditPolicy policy = new CreditPolicy(5_000_000, 1_000_000, 10_000_000);

        assertEquals(10_000_000, policy.topUpAfter(999_999));
        assertEquals(0, policy.topUpAfter(1_000_000));
        assertEquals(10_000_000, policy.topUpAfter(-20));
        assertEquals(0, CreditPolicy.NONE.topUpAfter(-20));
    }

    @Test
    void creditPolicy_rejection_topsUpWhenLedgerShort() {
        CreditPolicy policy = new CreditPolicy(5_000_000, 0, 10_000_000);

        assertEquals(10_000_000, policy.topUpOnRejection(299, 300));
        assertEquals(0, policy.topUpOnRejection(300, 300), "only a stale cache rejected it");
        assertEquals(0, CreditPolicy.NONE.topUpOnRejection(0, 300));
    }

    private static RequestGenerator generator(DurationModel duration) {
        return new RequestGenerator(new ModelMix(List.of(SMALL, LARGE)),
                TokenSizeTable.bundled(TokenSizeTable.AZURE_CONVERSATION_2023), duration);
    }
}
