package dev.headroom.run;

import static dev.headroom.run.RunScenarios.THREE_USERS;
import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests still in flight when a phase change replaces the backend they started on. */
class InFlightHandoverTest {

    /**
     * Three users making 5,000 ten-minute requests a day, about 100 in flight at any moment, on
     * Sheets until PostgreSQL with one usable connection goes live at midnight on 2025-01-09.
     * From then on one request at a time uses the connection, for ten minutes.
     */
    private static final String LONG_REQUESTS_INTO_ONE_CONNECTION = THREE_USERS
            .replace("mean_per_day: 10}", "mean_per_day: 5_000}")
            .replace("request_duration: {distribution: fixed, mean: 2s}",
                    "request_duration: {distribution: fixed, mean: 10m}")
            .replace("credits: {initial: 1.00}", "credits: {initial: 1000}")
            .replace("balance_cache_ttl: 0s", "balance_cache_ttl: 0s\n"
                    + "postgres: {max_connections: 2, reserved_connections: 1}")
            .replace("      backend: {kind: sheets}", "      backend: {kind: sheets}\n"
                    + "      next_when: {date: 2025-01-08}\n"
                    + "    - name: sql\n      backend: {kind: postgres}\n"
                    + "      migration: {lead_time: 1d}");

    @Test
    void straggler_noFreeConnection_failsItsRow() throws Exception {
        List<DayRecord> days = run(LONG_REQUESTS_INTO_ONE_CONNECTION).days();
        DayRecord before = days.get(2);
        DayRecord goLive = days.get(3);

        assertEquals(List.of("single-sheet", "sql"), List.of(before.phase(), goLive.phase()));
        assertEquals(0, before.failedRequests(), before::toString);
        // Over 10,000 ten-minute requests a day leave about 100 in flight at midnight.
        assertTrue(before.admitted() > 10_000, before::toString);
        // Each of those rows needs the one slot, which a request started after midnight soon
        // holds, so few of them are billed beside the requests admitted on PostgreSQL.
        long stragglersBilled = goLive.usage().requests() - goLive.admitted();
        assertTrue(stragglersBilled < 10, goLive::toString);
        assertTrue(goLive.failuresByLimit().getOrDefault("connections", 0L)
                > goLive.requests() - goLive.admitted(), goLive::toString);
    }
}
