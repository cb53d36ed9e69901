package dev.headroom.run;

import static dev.headroom.run.RunScenarios.MIGRATION;
import static dev.headroom.run.RunScenarios.THREE_USERS;
import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.model.LimitGauge;
import dev.headroom.projection.Projections;
import dev.headroom.report.UsageNote;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Requests, sign-ups, credit, billed usage and gauges on the Sheets phase of a run. */
class RequestsAndCreditTest {

    @Test
    void threeUsers_dayZero_matchesHandCounts() throws Exception {
        RunResult result = run(THREE_USERS);
        DayRecord day0 = result.days().get(0);

        assertEquals(7, result.days().size());
        assertEquals(3, day0.users());
        assertEquals(3, day0.signUps());
        // The three users present at the start signed up before it: their tabs and credit rows
        // exist, and they make no sign-up call.
        assertEquals(0, day0.signUpRequests());
        // No cache: every request reads the balance once.
        assertEquals(day0.requests(), day0.readRequests());
        assertEquals(0, day0.cacheHits());
        // One usage row per admitted request.
        assertEquals(day0.admitted(), day0.writeRequests());
        assertEquals(100, day0.latencyP50Millis());
        assertEquals(0, day0.hostingCostMicros());
    }

    @Test
    void billedUsage_fixedSizesAndPrices() throws Exception {
        RunResult result = run(THREE_USERS);
        long billed = 0;
        long admitted = 0;
        for (DayRecord day : result.days()) {
            BilledUsage usage = day.usage();
            admitted += day.admitted();
            assertEquals(1_000 * usage.requests(), usage.tokensIn());
            assertEquals(500 * usage.requests(), usage.tokensOut());
            assertEquals(2_000 * usage.requests(), usage.micros());
            billed += usage.requests();
        }

        // Every row is stored, and only the last requests may still run at the end.
        assertTrue(billed <= admitted, billed + " of " + admitted);
        assertTrue(billed >= admitted - 3, billed + " of " + admitted);
        String total = String.format(Locale.ROOT, "%,.2f", billed * 0.002);
        assertEquals(List.of("Billed usage: " + String.format(Locale.ROOT, "%,d", billed)
                + " requests whose cost the ledger stored, 1,000.0 tokens in and 500.0 tokens out"
                + " each on average, $0.002000 a request and $" + total + " in all."),
                UsageNote.lines(Projections.of(result)));
    }

    @Test
    void billedUsage_groupsThousandsPerRequest() throws Exception {
        RunResult result = run(THREE_USERS
                .replace("tokens_in: 1_000", "tokens_in: 20_000")
                .replace("input_price_per_million: 1.00", "input_price_per_million: 100_000")
                .replace("output_price_per_million: 2.00", "output_price_per_million: 0")
                .replace("initial: 1.00", "initial: 100_000"));

        String line = UsageNote.lines(Projections.of(result)).get(0);

        assertTrue(line.contains(", $2,000.000000 a request and $"), line);
    }

    @Test
    void billedUsage_noneBilled_saysWhy() throws Exception {
        // With no credit and no top-up, the cached check rejects every request.
        RunResult result = run(THREE_USERS.replace("initial: 1.00", "initial: 0"));
        long requests = 0;
        long rejected = 0;
        for (DayRecord day : result.days()) {
            requests += day.requests();
            rejected += day.rejectedForCredit();
        }

        assertTrue(requests > 0);
        assertEquals(requests, rejected);
        assertEquals(List.of(String.format(Locale.ROOT, "Billed usage: the ledger stored the"
                + " cost of none of the run's %,d requests. Of them, %,d were rejected for"
                + " credit and 0 failed, as daily.csv shows by day.", requests, rejected)),
                UsageNote.lines(Projections.of(result)));
    }

    @Test
    void billedUsage_noneEnded_saysInFlight() throws Exception {
        // 200,000 tokens out at an hour per thousand keep every request running past day 7.
        RunResult result = run(THREE_USERS
                .replace("mean: 2s}", "mean: 2s, per_thousand_tokens_out: 1h}")
                .replace("tokens_out: 500}", "tokens_out: 200_000}"));
        long requests = 0;
        long admitted = 0;
        for (DayRecord day : result.days()) {
            requests += day.requests();
            admitted += day.admitted();
            assertEquals(0, day.usage().requests(), "billed on " + day.date());
            assertEquals(0, day.failedRequests(), "failed on " + day.date());
        }

        assertTrue(requests > 0);
        assertEquals(requests, admitted);
        assertEquals(List.of(String.format(Locale.ROOT, "Billed usage: the ledger stored the"
                + " cost of none of the run's %,d requests. Of them, 0 were rejected for"
                + " credit and 0 failed, as daily.csv shows by day. The other %,d were still in"
                + " flight when the run ended, so their cost was never logged.", requests,
                requests)),
                UsageNote.lines(Projections.of(result)));
    }

    @Test
    void usersAtStart_makeNoQuotaCalls() throws Exception {
        RunResult result = run(THREE_USERS.replace("users: 3}", "users: 200}"));
        DayRecord day0 = result.days().get(0);

        // 200 sign-ups at once would far exceed 60 writes a minute; users present at the start
        // signed up before it.
        assertEquals(200, day0.users());
        assertEquals(0, day0.failedSignUps());
        assertEquals(0, day0.signUpRequests());
    }

    @Test
    void usersAtStart_tabGuardRejectsExtra() throws Exception {
        RunResult result = run(THREE_USERS.replace("users: 3}", "users: 201}"));
        DayRecord day0 = result.days().get(0);

        assertEquals(200, day0.users());
        assertEquals(1, day0.failedSignUps());
    }

    @Test
    void atomicDebit_usageRowFails_stillBilled() throws Exception {
        // One write a minute: the usage row 2 s after a stored debit is throttled and not
        // retried, but the debit already took the cost.
        String yaml = THREE_USERS.replace("plan:\n", "admission: atomic-debit\nplan:\n")
                .replace("  write_latency: {distribution: fixed, mean: 100ms}",
                        "  write_latency: {distribution: fixed, mean: 100ms}\n"
                        + "  quotas: {write_per_minute_per_user: 1}\n"
                        + "  backoff: {maximum_retries: 0}");
        RunResult result = run(yaml);
        long admitted = result.days().stream().mapToLong(DayRecord::admitted).sum();
        long billed = result.days().stream().mapToLong(day -> day.usage().requests()).sum();
        long failed = result.days().stream().mapToLong(DayRecord::failedRequests).sum();

        assertTrue(admitted > 0, admitted + " admitted");
        assertTrue(failed >= admitted, failed + " failed, " + admitted + " admitted");
        assertEquals(admitted, billed);
    }

    @Test
    void atomicDebit_rejectedRequest_buysTopUp() throws Exception {
        // Requests cost 2,000 micro-dollars and a user has 1: each rejection buys a top-up of
        // 10,000, which pays for the next five requests, although no balance ever falls below
        // the threshold of 0.
        RunResult result = run(THREE_USERS.replace("plan:\n", "admission: atomic-debit\nplan:\n")
                .replace("credits: {initial: 1.00}", "credits: {initial: 0.000001, top_up: 0.01}"));
        long admitted = result.days().stream().mapToLong(DayRecord::admitted).sum();
        long rejected = result.days().stream().mapToLong(DayRecord::rejectedForCredit).sum();

        assertTrue(rejected > 0, "rejected requests");
        // Each user's last top-up may pay for fewer than five requests before the run ends.
        assertTrue(admitted <= 5 * rejected, admitted + " admitted, " + rejected + " rejected");
        assertTrue(admitted > 5 * (rejected - 3), admitted + " admitted, " + rejected
                + " rejected");
    }

    @Test
    void threeUsers_balanceCache_countsHits() throws Exception {
        RunResult result = run(THREE_USERS.replace("balance_cache_ttl: 0s",
                "balance_cache_ttl: 1d"));

        for (DayRecord day : result.days()) {
            // Each request either reads the balance with one call or is served from the cache.
            assertEquals(day.requests(), day.readRequests() + day.cacheHits(),
                    "day " + day.day());
        }
        assertTrue(result.days().get(1).cacheHits() > 0, "cache hits on day 1");
    }

    @Test
    void threeUsers_gauges_countDefaultGrids() throws Exception {
        RunResult result = run(THREE_USERS);
        List<LimitGauge> gauges = result.days().get(6).gauges();

        // Three tabs of Google's default 1,000 x 26 grid; a week of rows stays under row 1,000.
        assertTrue(gauges.contains(new LimitGauge("tabs", "workbook-0", 3, 200)), gauges::toString);
        assertTrue(gauges.contains(new LimitGauge("cells", "workbook-0", 78_000, 10_000_000)),
                gauges::toString);
    }

    @Test
    void threeUsers_sheetsSettings_reachModel() throws Exception {
        String yaml = THREE_USERS.replace("write_latency: {distribution: fixed, mean: 100ms}",
                "write_latency: {distribution: fixed, mean: 300ms}\n"
                        + "  default_grid_rows: 100\n"
                        + "  default_grid_columns: 12");
        RunResult result = run(yaml);
        DayRecord day0 = result.days().get(0);
        List<LimitGauge> gauges = result.days().get(6).gauges();

        // Half the calls are reads at 100 ms and half are appended rows at 300 ms.
        assertEquals(100, day0.latencyP50Millis());
        assertEquals(300, day0.latencyP95Millis());
        // Three tabs of 100 x 12; a week of about 71 rows per user stays under row 100.
        assertTrue(gauges.contains(new LimitGauge("cells", "workbook-0", 3_600, 10_000_000)),
                gauges::toString);
    }

    @Test
    void threeUsers_allWeek_everyRequestAccountedFor() throws Exception {
        RunResult result = run(THREE_USERS);

        for (DayRecord day : result.days()) {
            assertEquals(day.requests(), day.admitted() + day.rejectedForCredit()
                    + day.failedRequests(), "day " + day.day());
            assertEquals(0, day.throttles(), "day " + day.day());
        }
    }

    @Test
    void days_signUpOnBoundary_independentOfHorizon() throws Exception {
        // 73 users a year sign up every 5 days, so the first sign-up falls exactly at the end of
        // day 4. It belongs to day 5 whether or not the run reaches day 5.
        String yaml = MIGRATION.replace("users_per_year: 3_650", "users_per_year: 73");
        List<DayRecord> short5 = run(yaml.replace("horizon: 8d", "horizon: 5d")).days();
        List<DayRecord> long10 = run(yaml.replace("horizon: 8d", "horizon: 10d")).days();

        assertEquals(5, short5.size());
        assertEquals(0, long10.get(4).users());
        assertEquals(1, long10.get(5).users());
        assertEquals(short5, long10.subList(0, 5));
    }
}
