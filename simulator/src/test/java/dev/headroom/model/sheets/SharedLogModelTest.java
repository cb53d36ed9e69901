package dev.headroom.model.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.RandomStream;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.latency.LatencyParams;
import dev.headroom.model.latency.LatencyShape;
import dev.headroom.sheets.limits.GoogleBackoff;
import dev.headroom.sheets.limits.Grid;
import dev.headroom.sheets.limits.QuotaLimits;
import dev.headroom.sheets.limits.TabGuard;
import dev.headroom.sheets.limits.WindowKind;
import org.junit.jupiter.api.Test;

class SharedLogModelTest {

    private static final long MINUTE = 60_000L;

    /** Rows of 10 columns, so the shared tab is 11 wide with the email; reads grow 1 s a row. */
    private static SharedLogModel model(long cellLimit) {
        LatencyParams growing = new LatencyParams(LatencyShape.FIXED, 100, 0, 1_000_000);
        SheetsParams params = new SheetsParams(TabGuard.DEFAULT, cellLimit,
                GridPolicy.SIZED_TO_ROW, Grid.DEFAULT, 10, 0, CallerIdentity.SERVICE_ACCOUNT,
                QuotaLimits.GOOGLE_DEFAULTS, WindowKind.FIXED, GoogleBackoff.DEFAULT, growing,
                LatencyParams.fixed(50));
        return new SharedLogModel(params, new RandomStream(1), new RandomStream(2));
    }

    @Test
    void signUp_makesNoCall() {
        CallOutcome outcome = model(1_000).signUp(0, "a@example.com", 0);

        assertTrue(outcome.succeeded());
        assertEquals(0, outcome.requests());
    }

    @Test
    void appends_shareOneCellBudget() {
        SharedLogModel model = model(11 * 10);
        for (int row = 0; row < 10; row++) {
            int user = row % 3;
            model.signUp(user, "u" + user + "@example.com", 0);
            assertTrue(model.appendRow(user, row * MINUTE).succeeded(), "row " + row);
        }

        CallOutcome eleventh = model.appendRow(1, 10 * MINUTE);

        assertEquals(CallOutcome.Status.CAPACITY, eleventh.status());
        assertEquals(SheetsModel.CELLS, eleventh.limit());
        assertEquals(10, model.rows());
        assertTrue(model.gauges().contains(new LimitGauge(SheetsModel.CELLS, "workbook-0", 110,
                110)), model.gauges()::toString);
    }

    @Test
    void balanceRead_fetchesEveryUsersRows() {
        SharedLogModel model = model(10_000_000);
        model.signUp(0, "a@example.com", 0);
        model.signUp(1, "b@example.com", 0);
        for (int row = 0; row < 5; row++) {
            model.appendRow(1, row * MINUTE);
        }

        CallOutcome read = model.readBalance(0, 10 * MINUTE);

        assertEquals(1, read.requests());
        assertEquals(100 + 5_000, read.latencyMillis(), "user 0 has no row, but reads all 5");
    }

    @Test
    void importedRows_countAgainstCells() {
        SharedLogModel model = model(11 * 100);

        assertEquals(60, model.importRows(0, "a@example.com", 60));
        assertEquals(40, model.importRows(1, "b@example.com", 41), "only 40 of 41 rows fit");
        assertEquals(100, model.rows());
        assertEquals(1, model.rowsNotImported());
        assertEquals(0, model.importRows(3, "d@example.com", 5));
        assertEquals(6, model.rowsNotImported());
        assertFalse(model.signUpBeforeStart(2, "c@example.com", 1).succeeded());
        assertEquals(6, model.rowsNotImported(), "a failed sign-up imports nothing");
    }
}
