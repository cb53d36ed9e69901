package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.run.RunResult;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RunBenchmarkTest {

    private static final Pattern PEAK = Pattern.compile("peak heap ([0-9,]+) MiB");

    private static RunResult result(long events) {
        return new RunResult("test", 1, LocalDate.of(2025, 1, 1), List.of(), List.of(),
                List.of(), 0, events);
    }

    private static long peakMiB(String text) {
        Matcher matcher = PEAK.matcher(text);
        assertTrue(matcher.find(), text);
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }

    @Test
    void peak_heapAfterSimulation_counted() {
        // The reports of a wide plan can take more heap than its simulation, after it ends.
        RunBenchmark benchmark = RunBenchmark.start();
        benchmark.simulated(result(1_000));
        long[] reports = new long[32 << 20];
        reports[reports.length - 1] = 1;

        String text = benchmark.stop();

        assertTrue(peakMiB(text) >= 256, text);
        assertTrue(text.contains("1,000 events"), text);
        assertTrue(reports[reports.length - 1] == 1);
    }

    @Test
    void peak_aboveMaxHeap_isCapped() {
        // Pools peak at different moments, so their peaks can add up to more than the heap.
        String text = RunBenchmark.text(1_000, 2.0, 635L << 20, 512L << 20);

        assertEquals("benchmark: 1,000 events in 2.000 s = 500 events/s; peak heap 512 MiB with"
                + " the reports (max heap 512 MiB)", text);
    }

    @Test
    void text_shortRun_timeMatchesRate() {
        // A one-day run takes under a second, and the printed time must still give its rate.
        String text = RunBenchmark.text(28, 0.1497, 43L << 20, 512L << 20);

        assertTrue(text.contains("28 events in 0.150 s = 187 events/s"), text);
    }

    @Test
    void text_timeRoundedDown_rateFromPrintedTime() {
        // 28 events in the exact 0.1504 s make 186.2 a second, but the printed 0.150 s gives 187.
        String text = RunBenchmark.text(28, 0.1504, 43L << 20, 512L << 20);

        assertTrue(text.contains("28 events in 0.150 s = 187 events/s"), text);
    }

    @Test
    void text_oneEvent_singular() {
        String text = RunBenchmark.text(1, 0.105, 43L << 20, 512L << 20);

        assertTrue(text.startsWith("benchmark: 1 event in 0.105 s = 10 events/s;"), text);
    }

    @Test
    void stop_beforeSimulated_rejected() {
        RunBenchmark benchmark = RunBenchmark.start();

        assertThrows(IllegalStateException.class, benchmark::stop);
    }
}
