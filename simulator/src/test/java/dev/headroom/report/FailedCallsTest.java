package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FailedCallsTest {

    private static final Table DAILY = Table.create("daily",
            StringColumn.create("date", "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"),
            StringColumn.create("phase", "sheet", "sheet", "sheet", "dynamodb"),
            LongColumn.create("failed_requests", 0, 0, 40, 7),
            LongColumn.create("failed_sign_ups", 0, 3, 5, 1));

    @Test
    void triggers_bothKinds_firstDayOfEach() {
        FailedCalls failed = FailedCalls.of(DAILY, "sheet", "2025-01-01", "2025-01-04");

        assertEquals("a failed_requests_per_day trigger with a threshold of at most 39 (40 requests"
                + " failed on 2025-01-03) or a failed_sign_ups_per_day trigger with a"
                + " threshold of at most 2 (3 sign-ups failed on 2025-01-02)",
                failed.triggers());
    }

    @Test
    void triggers_spanAndPhase_onlyThoseDays() {
        FailedCalls sheet = FailedCalls.of(DAILY, "sheet", "2025-01-01", "2025-01-02");
        FailedCalls dynamodb = FailedCalls.of(DAILY, "dynamodb", "2025-01-01", "2025-01-04");

        assertEquals("a failed_sign_ups_per_day trigger with a threshold of at most 2 (3 sign-ups"
                + " failed on 2025-01-02)", sheet.triggers());
        assertEquals("2025-01-04", dynamodb.firstRequestDay());
        assertEquals(7, dynamodb.firstDayRequests());
    }

    @Test
    void triggers_oneFailure_thresholdOfZero() {
        FailedCalls dynamodb = FailedCalls.of(DAILY, "dynamodb", "2025-01-01", "2025-01-04");

        assertEquals("a failed_requests_per_day trigger with a threshold of at most 6 (7 requests"
                + " failed on 2025-01-04) or a failed_sign_ups_per_day trigger with a"
                + " threshold of 0 (the one sign-up that failed on 2025-01-04)",
                dynamodb.triggers());
    }

    @Test
    void triggers_largeCount_thresholdWithoutGrouping() {
        // The loader rejects a count written as 1,342, so the advice writes it as a scenario does.
        Table daily = Table.create("daily", StringColumn.create("date", "2026-01-04"),
                StringColumn.create("phase", "sheet"),
                LongColumn.create("failed_requests", new long[] {1_342}),
                LongColumn.create("failed_sign_ups", new long[] {0}));

        assertEquals("a failed_requests_per_day trigger with a threshold of at most 1341"
                + " (1342 requests failed on 2026-01-04)",
                FailedCalls.of(daily, "sheet", "2026-01-04", "2026-01-04").triggers());
    }

    @Test
    void before_dropsKindsFirstFailingLater() {
        FailedCalls failed = FailedCalls.of(DAILY, "sheet", "2025-01-01", "2025-01-04");
        FailedCalls beforeThird = failed.before("2025-01-03");

        assertEquals("2025-01-02", failed.firstDay());
        assertEquals("", beforeThird.firstRequestDay());
        assertEquals("2025-01-02", beforeThird.firstSignUpDay());
        assertEquals("", failed.before("2025-01-02").firstDay());
    }
}
