package dev.headroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhReportTest {

    private static final String JSON = """
            [
              {"benchmark": "dev.headroom.bench.RouterBenchmark.route",
               "params": {"router": "SHA256_PREFIX", "shards": "5"},
               "primaryMetric": {"score": 80.0, "scoreError": 2.0, "scoreUnit": "ns/op"}},
              {"benchmark": "dev.headroom.bench.RouterBenchmark.route",
               "params": {"router": "SLOT_TABLE", "shards": "5"},
               "primaryMetric": {"score": 12.0, "scoreError": 1.0, "scoreUnit": "ns/op"}},
              {"benchmark": "dev.headroom.bench.RouterBenchmark.route",
               "params": {"router": "SLOT_TABLE", "shards": "64"},
               "primaryMetric": {"score": 13.0, "scoreError": "NaN", "scoreUnit": "ns/op"}},
              {"benchmark": "dev.headroom.bench.EngineBenchmark.ssj",
               "primaryMetric": {"score": 2.0E6, "scoreError": 1.0E5, "scoreUnit": "ops/s"}},
              {"benchmark": "dev.headroom.bench.EngineBenchmark.headroom",
               "primaryMetric": {"score": 3.0E7, "scoreError": 1.0E6, "scoreUnit": "ops/s"}},
              {"benchmark": "dev.headroom.bench.SeedPlanBenchmark.run",
               "params": {"days": "365"},
               "primaryMetric": {"score": 4.0, "scoreError": "NaN", "scoreUnit": "ops/s"},
               "secondaryMetrics": {"events": {"score": 2.5E6, "scoreUnit": "ops/s"}}}
            ]
            """;

    @Test
    void ratiosCompareWithinTheSameParameterGroup() {
        List<JmhReport.Result> results = JmhReport.parse(JsonParser.parseString(JSON)
                .getAsJsonArray());
        String table = JmhReport.render(results);
        String group = "| RouterBenchmark.route {shards=5} ";
        assertTrue(table.contains(group + "| SLOT_TABLE | 12.000 | 1.000 | ns/op | 0.15 |"),
                table);
        assertTrue(table.contains("| SHA256_PREFIX (baseline) | 80.000 | 2.000 | ns/op | 1.00 |"),
                table);
        assertTrue(table.contains("| SLOT_TABLE | 13.000 | n/a | ns/op | n/a |"), table);
    }

    @Test
    void methodVariantsCompareWithTheirBaselineMethod() {
        List<JmhReport.Result> results = JmhReport.parse(JsonParser.parseString(JSON)
                .getAsJsonArray());
        String table = JmhReport.render(results);
        String expected = "| EngineBenchmark | headroom | 30000000.000 | 1000000.000 | ops/s"
                + " | 15.00 |";
        assertTrue(table.contains(expected), table);
        assertEquals(7, results.size());
    }

    @Test
    void secondaryMetricsBecomeTheirOwnRows() {
        List<JmhReport.Result> results = JmhReport.parse(JsonParser.parseString(JSON)
                .getAsJsonArray());
        String table = JmhReport.render(results);
        String row = "| SeedPlanBenchmark {days=365} | run:events | 2500000.000 | n/a";
        assertTrue(table.contains(row), table);
    }

    @Test
    void ratioSkipsOtherModesAndMetrics() {
        String json = """
                [
                  {"benchmark": "dev.headroom.bench.RouterBenchmark.route", "mode": "thrpt",
                   "params": {"router": "SHA256_PREFIX", "shards": "5"},
                   "primaryMetric": {"score": 0.0125, "scoreError": "NaN", "scoreUnit": "ops/ns"}},
                  {"benchmark": "dev.headroom.bench.RouterBenchmark.route", "mode": "avgt",
                   "params": {"router": "SHA256_PREFIX", "shards": "5"},
                   "primaryMetric": {"score": 80.0, "scoreError": "NaN", "scoreUnit": "ns/op"}},
                  {"benchmark": "dev.headroom.bench.RouterBenchmark.route", "mode": "avgt",
                   "params": {"router": "SLOT_TABLE", "shards": "5"},
                   "primaryMetric": {"score": 20.0, "scoreError": "NaN", "scoreUnit": "ns/op"}},
                  {"benchmark": "dev.headroom.bench.EngineBenchmark.ssj", "mode": "thrpt",
                   "primaryMetric": {"score": 3.0E6, "scoreError": 1.0E5, "scoreUnit": "ops/s"},
                   "secondaryMetrics": {"gc.alloc.rate":
                       {"score": 900.0, "scoreError": 5.0, "scoreUnit": "MB/sec"}}},
                  {"benchmark": "dev.headroom.bench.EngineBenchmark.headroom", "mode": "thrpt",
                   "primaryMetric": {"score": 3.0E7, "scoreError": 1.0E6, "scoreUnit": "ops/s"},
                   "secondaryMetrics": {"gc.alloc.rate":
                       {"score": 0.009, "scoreError": 0.001, "scoreUnit": "MB/sec"}}}
                ]
                """;
        String table = JmhReport.render(JmhReport.parse(JsonParser.parseString(json)
                .getAsJsonArray()));
        assertTrue(table.contains("| SLOT_TABLE (avgt) | 20.000 | n/a | ns/op | 0.25 |"), table);
        assertTrue(table.contains("| headroom:gc.alloc.rate | 0.009000 | 0.001000 | MB/sec"
                + " | 1.0e-05 |"), table);
        assertTrue(table.contains("| headroom | 30000000.000 | 1000000.000 | ops/s | 10.00 |"),
                table);
    }

    @Test
    void balanceRatiosUseSumOfAllRows() {
        String json = """
                [
                  {"benchmark": "dev.headroom.bench.BalanceBenchmark.balance",
                   "params": {"design": "RUNNING_BALANCE", "rows": "10", "store": "SQLITE"},
                   "primaryMetric": {"score": 0.5, "scoreError": "NaN", "scoreUnit": "us/op"}},
                  {"benchmark": "dev.headroom.bench.BalanceBenchmark.balance",
                   "params": {"design": "SUM_ALL_ROWS", "rows": "10", "store": "SQLITE"},
                   "primaryMetric": {"score": 50.0, "scoreError": "NaN", "scoreUnit": "us/op"}}
                ]
                """;
        String table = JmhReport.render(JmhReport.parse(JsonParser.parseString(json)
                .getAsJsonArray()));
        // 0.5 us / 50 us = 0.01, shown to two significant digits because it is below 0.1.
        assertTrue(table.contains("| RUNNING_BALANCE | 0.5000 | n/a | us/op | 0.010 |"), table);
        assertTrue(table.contains("| SUM_ALL_ROWS (baseline) | 50.000 | n/a | us/op | 1.00 |"),
                table);
    }

    @Test
    void zeroBaselineGivesNoRatio() {
        String json = """
                [
                  {"benchmark": "dev.headroom.bench.EngineBenchmark.ssj",
                   "primaryMetric": {"score": 0.0, "scoreError": "NaN", "scoreUnit": "ops/s"}},
                  {"benchmark": "dev.headroom.bench.EngineBenchmark.headroom",
                   "primaryMetric": {"score": 5.0, "scoreError": "NaN", "scoreUnit": "ops/s"}}
                ]
                """;
        String table = JmhReport.render(JmhReport.parse(JsonParser.parseString(json)
                .getAsJsonArray()));
        assertTrue(table.contains("| headroom | 5.000 | n/a | ops/s | n/a |"), table);
    }

    @Test
    void ratioSkipsOtherModeOfSameUnit() {
        // Average time and sampled time are both in ns/op, but only the same mode compares.
        String json = """
                [
                  {"benchmark": "dev.headroom.bench.RouterBenchmark.route", "mode": "avgt",
                   "params": {"router": "SHA256_PREFIX", "shards": "5"},
                   "primaryMetric": {"score": 80.0, "scoreError": "NaN", "scoreUnit": "ns/op"}},
                  {"benchmark": "dev.headroom.bench.RouterBenchmark.route", "mode": "sample",
                   "params": {"router": "SLOT_TABLE", "shards": "5"},
                   "primaryMetric": {"score": 20.0, "scoreError": "NaN", "scoreUnit": "ns/op"}}
                ]
                """;
        String table = JmhReport.render(JmhReport.parse(JsonParser.parseString(json)
                .getAsJsonArray()));
        assertTrue(table.contains("| SLOT_TABLE (sample) | 20.000 | n/a | ns/op | n/a |"), table);
    }

    @Test
    void variantMetricsKeepTheirName() {
        String json = """
                [
                  {"benchmark": "dev.headroom.bench.RouterBenchmark.route",
                   "params": {"router": "SLOT_TABLE", "shards": "5"},
                   "primaryMetric": {"score": 12.0, "scoreError": "NaN", "scoreUnit": "ns/op"},
                   "secondaryMetrics": {"gc.alloc.rate":
                       {"score": 0.5, "scoreError": "NaN", "scoreUnit": "MB/sec"}}}
                ]
                """;
        String table = JmhReport.render(JmhReport.parse(JsonParser.parseString(json)
                .getAsJsonArray()));
        assertTrue(table.contains("| SLOT_TABLE:gc.alloc.rate | 0.5000 | n/a | MB/sec |"), table);
    }
}
