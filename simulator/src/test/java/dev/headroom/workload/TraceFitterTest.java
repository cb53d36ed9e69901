package dev.headroom.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;

/**
 * Fits the Azure LLM inference trace 2023 and checks every figure against an independent
 * computation with commons-math3. The trace is read from the directory named by the system
 * property {@code headroom.trace.dir}, or else from {@code ../shared/data/azure-llm-inference-2023}
 * beside the project root.
 */
class TraceFitterTest {

    private static final String[] TRACES = {
        "AzureLLMInferenceTrace_conv.csv", "AzureLLMInferenceTrace_code.csv"
    };

    @Test
    void fit_quantilesMatchPercentileR7() throws IOException {
        for (String name : TRACES) {
            RequestLog log = new RequestLogReader(LogColumns.DETECT).read(traceFile(name));
            TraceFit fit = new TraceFitter().fit(log, List.of());

            assertQuantilesMatch(log.tokensIn(), fit.tokenSizes().tokensIn(), name + " in");
            assertQuantilesMatch(log.tokensOut(), fit.tokenSizes().tokensOut(), name + " out");
        }
    }

    @Test
    void fit_burstinessMatchesIndependentStatistics() throws IOException {
        for (String name : TRACES) {
            RequestLog log = new RequestLogReader(LogColumns.DETECT).read(traceFile(name));
            TraceFit fit = new TraceFitter().fit(log, List.of());
            long[] nanos = log.arrivalNanos();

            DescriptiveStatistics gaps = new DescriptiveStatistics();
            for (int i = 1; i < nanos.length; i++) {
                gaps.addValue((nanos[i] - nanos[i - 1]) / 1e9);
            }
            assertEquals(gaps.getStandardDeviation() / gaps.getMean(), fit.interArrivalCv(),
                    1e-9, name + " inter-arrival CV");
            for (WindowBurstiness window : fit.windows()) {
                assertWindowMatches(nanos, window, name);
            }
        }
    }

    @Test
    void fit_meansAreTheLogsNotTheTables() throws IOException {
        for (String name : TRACES) {
            RequestLog log = new RequestLogReader(LogColumns.DETECT).read(traceFile(name));
            TraceFit fit = new TraceFitter().fit(log, List.of());

            assertEquals(Arrays.stream(log.tokensIn()).average().orElseThrow(),
                    fit.meanTokensIn(), 1e-9, name + " in");
            assertEquals(Arrays.stream(log.tokensOut()).average().orElseThrow(),
                    fit.meanTokensOut(), 1e-9, name + " out");
        }
    }

    @Test
    void fit_conversationTraceMatchesBundledTable() throws IOException {
        RequestLog log = new RequestLogReader(LogColumns.DETECT)
                .read(traceFile("AzureLLMInferenceTrace_conv.csv"));
        TokenSizeTable fitted = new TraceFitter().fit(log, List.of()).tokenSizes();
        TokenSizeTable bundled = TokenSizeTable.bundled(TokenSizeTable.AZURE_CONVERSATION_2023);

        assertEquals(19_366, log.size());
        for (int i = 0; i < fitted.tokensIn().size(); i++) {
            assertEquals(fitted.tokensIn().value(i), bundled.tokensIn().value(i), 5e-4);
            assertEquals(fitted.tokensOut().value(i), bundled.tokensOut().value(i), 5e-4);
        }
    }

    private static void assertQuantilesMatch(long[] values, QuantileTable table, String what) {
        double[] data = Arrays.stream(values).asDoubleStream().toArray();
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(data);
        for (int i = 0; i < table.size(); i++) {
            double p = table.probability(i);
            double expected = p == 0
                    ? Arrays.stream(data).min().orElseThrow() : percentile.evaluate(p * 100);
            assertEquals(expected, table.value(i), 1e-9, what + " quantile at p=" + p);
        }
    }

    /** Counts each window's arrivals by scanning, not by the fitter's division of offsets. */
    private static void assertWindowMatches(long[] nanos, WindowBurstiness window, String name) {
        long width = window.windowSeconds() * 1_000_000_000L;
        int whole = (int) ((nanos[nanos.length - 1] - nanos[0]) / width);
        assertEquals(whole, window.windows(), name + " windows of " + window.windowSeconds());
        if (whole < 2) {
            assertTrue(Double.isNaN(window.countCv()), name + " CV with one window");
            return;
        }
        DescriptiveStatistics counts = new DescriptiveStatistics();
        int next = 0;
        for (int w = 0; w < whole; w++) {
            long end = nanos[0] + (w + 1) * width;
            int count = 0;
            while (nanos[next] < end) {
                count++;
                next++;
            }
            counts.addValue(count);
        }
        String label = name + " at " + window.windowSeconds() + " s";
        assertEquals(counts.getMean(), window.meanCount(), 1e-9, label + " mean");
        assertEquals(counts.getStandardDeviation() / counts.getMean(), window.countCv(), 1e-9,
                label + " CV");
        assertEquals(counts.getVariance() / counts.getMean(), window.dispersionIndex(), 1e-9,
                label + " dispersion");
    }

    static Path traceFile(String name) {
        String property = System.getProperty("headroom.trace.dir");
        Path dir = property != null
                ? Path.of(property)
                : projectRoot().resolve("../shared/data/azure-llm-inference-2023").normalize();
        Path file = dir.resolve(name);
        if (!Files.isReadable(file)) {
            fail("Azure LLM inference trace not found: looked for " + file.toAbsolutePath()
                    + "; set -Dheadroom.trace.dir=DIR to the folder holding " + name);
        }
        return file;
    }

    /** Returns the nearest directory at or above the working directory with the modules. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("simulator")) && Files.exists(d.resolve("pom.xml"))) {
                return d;
            }
        }
        return dir;
    }

    @Test
    void quantiles_smallSampleByHand() {
        // Sorted 1, 2, 4, 8: at p=0.5, h = 1.5, so 2 + 0.5 * (4 - 2) = 3.
        double[] q = TraceFitter.quantiles(new long[] {8, 1, 4, 2}, new double[] {0, 0.5, 1});

        assertArrayEquals(new double[] {1, 3, 8}, q, 1e-12);
    }

    @Test
    void windowBurstiness_sixtyYearSpan_fitsHeap() {
        // Sixty years of 1 s windows are about 1.9 billion, 15 GB as an array of counts.
        long sixtyYears = 60L * 365 * 86_400 * 1_000_000_000L;
        long[] nanos = {0, 1_000_000_000L, 2_000_000_000L, sixtyYears + 500_000_000L};

        WindowBurstiness window = TraceFitter.windowBurstiness(nanos, 1);

        int k = (int) (sixtyYears / 1_000_000_000L);
        double mean = 3.0 / k;
        double variance = (3 * (1 - mean) * (1 - mean) + (k - 3) * mean * mean) / (k - 1);
        assertEquals(k, window.windows());
        assertEquals(mean, window.meanCount(), 1e-18);
        assertEquals(variance / mean, window.dispersionIndex(), 1e-9);
        assertEquals(sixtyYears / 1e9 - 1.5, TraceFitter.maxGap(nanos), 1e-6);
    }

    @Test
    void windowBurstiness_hundredYearSpan_countsEveryWindow() {
        // A hundred years contain about 3.2 billion 1 s windows, more than an int can count.
        long hundredYears = 100L * 365 * 86_400 * 1_000_000_000L;
        long[] nanos = {0, 1_000_000_000L, 2_000_000_000L, hundredYears + 500_000_000L};

        WindowBurstiness window = TraceFitter.windowBurstiness(nanos, 1);

        long k = hundredYears / 1_000_000_000L;
        double mean = 3.0 / k;
        double variance = (3 * (1 - mean) * (1 - mean) + (k - 3) * mean * mean) / (k - 1);
        assertEquals(k, window.windows());
        assertEquals(mean, window.meanCount(), 1e-18);
        assertEquals(variance / mean, window.dispersionIndex(), 1e-9);
    }
}
