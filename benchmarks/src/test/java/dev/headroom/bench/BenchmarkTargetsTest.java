package dev.headroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.bench.BenchmarkTargets.Check;
import dev.headroom.bench.JmhReport.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkTargetsTest {

    @Test
    void checks_fullRun_judgeEachTarget() {
        List<Result> results = new ArrayList<>(engine(30e6, 2e6, 80e6));
        results.addAll(routers("5", 12, 10, 80));
        results.addAll(routers("64", 20, 10, 90));
        results.add(balance("SQLITE", "10", 20));
        results.add(balance("SQLITE", "100000", 25));

        List<Check> checks = BenchmarkTargets.checks(results);

        assertEquals(7, checks.size(), checks.toString());
        assertCheck(checks.get(0), "engine at least 15 times", "15.0 times", "yes");
        assertCheck(checks.get(1), "random-number floor", "2.7 times", "yes");
        assertCheck(checks.get(2), "character sum's time, 5 shards", "1.20 times", "yes");
        assertCheck(checks.get(3), "SHA-256 prefix, 5 shards", "6.67 times", "yes");
        assertCheck(checks.get(4), "character sum's time, 64 shards", "2.00 times", "no");
        assertCheck(checks.get(5), "SHA-256 prefix, 64 shards", "4.50 times", "no");
        assertCheck(checks.get(6), "10 rows, SQLITE", "1.25 times", "yes");
    }

    @Test
    void checks_slowEngine_missesBothEngineTargets() {
        List<Check> checks = BenchmarkTargets.checks(engine(20e6, 1.6e6, 90e6));

        assertCheck(checks.get(0), "SSJ", "12.5 times (20.00 M against 1.60 M events/s)", "no");
        assertCheck(checks.get(1), "floor", "4.5 times", "no");
    }

    @Test
    void checks_missingScores_areNotMeasured() {
        List<Check> checks = BenchmarkTargets.checks(routers("5", 12, 10, 80));

        assertEquals(4, checks.size(), checks.toString());
        assertCheck(checks.get(0), "SSJ", "not measured", "n/a");
        assertCheck(checks.get(1), "floor", "not measured", "n/a");
    }

    @Test
    void render_listsEveryTargetAsTableRow() {
        String section = BenchmarkTargets.render(engine(30e6, 2e6, 80e6));

        assertTrue(section.startsWith("## Targets\n"), section);
        assertTrue(section.contains("| engine at least 15 times SSJ's events per second | 15.0"
                + " times (30.00 M against 2.00 M events/s) | yes |"), section);
    }

    @Test
    void checks_exactThresholds_areMet() {
        // 30 M / 2 M = 15.0 times SSJ, and 90 M / 30 M = 3.0 times the floor.
        List<Result> results = new ArrayList<>(engine(30e6, 2e6, 90e6));
        // 15 ns / 10 ns = 1.5 times the character sum, and 75 ns / 15 ns = 5.0 times faster.
        results.addAll(routers("5", 15, 10, 75));
        // 30 us / 20 us = 1.5 times the time at 10 rows.
        results.add(balance("SQLITE", "10", 20));
        results.add(balance("SQLITE", "100000", 30));

        List<Check> checks = BenchmarkTargets.checks(results);

        assertEquals(5, checks.size(), checks.toString());
        assertCheck(checks.get(0), "SSJ", "15.0 times", "yes");
        assertCheck(checks.get(1), "floor", "3.0 times", "yes");
        assertCheck(checks.get(2), "character sum", "1.50 times", "yes");
        assertCheck(checks.get(3), "SHA-256 prefix", "5.00 times", "yes");
        assertCheck(checks.get(4), "10 rows", "1.50 times", "yes");
    }

    @Test
    void checks_justPastThresholds_areMissed() {
        // 29.8 M / 2 M = 14.9 times SSJ, and 90 M / 29.8 M = 3.02 times the floor.
        List<Result> results = new ArrayList<>(engine(29.8e6, 2e6, 90e6));
        // 15.1 ns / 10 ns = 1.51 times the character sum, and 75 ns / 15.1 ns = 4.97 times.
        results.addAll(routers("5", 15.1, 10, 75));
        // 30.2 us / 20 us = 1.51 times the time at 10 rows.
        results.add(balance("SQLITE", "10", 20));
        results.add(balance("SQLITE", "100000", 30.2));

        List<Check> checks = BenchmarkTargets.checks(results);

        assertCheck(checks.get(0), "SSJ", "14.9 times", "no");
        assertCheck(checks.get(1), "floor", "3.0 times", "no");
        assertCheck(checks.get(2), "character sum", "1.51 times", "no");
        assertCheck(checks.get(3), "SHA-256 prefix", "4.97 times", "no");
        assertCheck(checks.get(4), "10 rows", "1.51 times", "no");
    }

    @Test
    void checks_oneSideMissing_isNotMeasured() {
        List<Result> results = new ArrayList<>(engine(30e6, 2e6, 80e6).subList(0, 2));
        results.addAll(routers("5", 12, 10, 80).subList(0, 2));
        results.add(balance("SQLITE", "100000", 25));

        List<Check> checks = BenchmarkTargets.checks(results);

        assertEquals(5, checks.size(), checks.toString());
        assertCheck(checks.get(0), "SSJ", "15.0 times", "yes");
        assertCheck(checks.get(1), "floor", "not measured", "n/a");
        assertCheck(checks.get(2), "character sum", "1.20 times", "yes");
        assertCheck(checks.get(3), "SHA-256 prefix", "not measured", "n/a");
        assertCheck(checks.get(4), "10 rows", "not measured", "n/a");
    }

    @Test
    void checks_skipOtherDesignsAndMetrics() {
        List<Result> results = new ArrayList<>();
        results.add(new Result("EngineBenchmark", "headroom:events", Map.of(), 1, 0, "ops/s"));
        results.add(new Result("RouterBenchmark", "route:gc.alloc.rate",
                Map.of("router", "SLOT_TABLE", "shards", "5"), 1, 0, "MB/sec"));
        results.add(new Result("BalanceBenchmark", "balance",
                Map.of("design", "SUM_ALL_ROWS", "store", "SQLITE", "rows", "10"), 20, 0,
                "us/op"));
        results.add(new Result("BalanceBenchmark", "balance",
                Map.of("design", "SUM_ALL_ROWS", "store", "SQLITE", "rows", "100000"), 9000, 0,
                "us/op"));
        results.addAll(engine(30e6, 2e6, 80e6));
        results.addAll(routers("5", 12, 10, 80));
        results.add(balance("SQLITE", "10", 20));
        results.add(balance("SQLITE", "100000", 25));

        List<Check> checks = BenchmarkTargets.checks(results);

        assertCheck(checks.get(0), "SSJ", "15.0 times", "yes");
        assertCheck(checks.get(2), "character sum", "1.20 times", "yes");
        assertCheck(checks.get(4), "10 rows", "1.25 times", "yes");
    }

    @Test
    void checks_balanceScores_keepFourDigits() {
        List<Result> results = List.of(balance("SQLITE", "10", 20.125),
                balance("SQLITE", "100000", 25.375));

        List<Check> checks = BenchmarkTargets.checks(results);

        // 25.375 / 20.125 = 1.26, and each score rounds half up to four significant digits.
        assertCheck(checks.get(2), "10 rows", "1.26 times (25.38 against 20.13 us/op)", "yes");
    }

    private static void assertCheck(Check check, String target, String measured, String met) {
        assertTrue(check.target().contains(target), check.toString());
        assertTrue(check.measured().contains(measured), check.toString());
        assertEquals(met, check.met(), check.toString());
    }

    private static List<Result> engine(double headroom, double ssj, double floor) {
        return List.of(
                new Result("EngineBenchmark", "headroom", Map.of(), headroom, 0, "ops/s"),
                new Result("EngineBenchmark", "ssj", Map.of(), ssj, 0, "ops/s"),
                new Result("EngineBenchmark", "randomFloor", Map.of(), floor, 0, "ops/s"));
    }

    private static List<Result> routers(String shards, double slot, double charSum,
            double sha) {
        return List.of(router("SLOT_TABLE", shards, slot), router("CHAR_SUM", shards, charSum),
                router("SHA256_PREFIX", shards, sha));
    }

    private static Result router(String router, String shards, double nanos) {
        return new Result("RouterBenchmark", "route", Map.of("router", router, "shards", shards),
                nanos, 0, "ns/op");
    }

    private static Result balance(String store, String rows, double micros) {
        return new Result("BalanceBenchmark", "balance",
                Map.of("design", "RUNNING_BALANCE", "store", store, "rows", rows), micros, 0,
                "us/op");
    }
}
