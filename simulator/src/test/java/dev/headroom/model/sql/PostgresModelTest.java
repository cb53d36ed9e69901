package dev.headroom.model.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.RandomStream;
import dev.headroom.engine.SimTime;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.latency.LatencyParams;
import dev.headroom.model.latency.LatencyShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresModelTest {

    private static final long MONTH = SimTime.YEAR / 12;

    /** $0.016 an hour, 20 GB at $0.115, 500-byte rows with 100 bytes of overhead. */
    private static PostgresParams params(long freeTierEnd, long freeGb, long allocatedGb,
            BalanceRead design) {
        LatencyParams latency = new LatencyParams(LatencyShape.FIXED, 5, 0, 1_000);
        return new PostgresParams(16_000, freeTierEnd, allocatedGb, 115_000, freeGb, 500, 100,
                design, latency, 112, 5);
    }

    private static PostgresModel model(PostgresParams params, long start) {
        return new PostgresModel(params, new RandomStream(1), start);
    }

    @Test
    void cost_oneDay_isInstanceHoursAndStorage() {
        PostgresModel model = model(params(0, 0, 20, BalanceRead.SUM_ROWS), 0);

        // 24 h x $0.016 = $0.384; 20 GB x $0.115 x 1 day / 365/12 days = $0.07561643...
        assertEquals(384_000 + 75_616, model.hostingCostMicros(0, SimTime.DAY));
    }

    @Test
    void cost_oneDay_splitsInstanceAndStorage() {
        PostgresModel model = model(params(0, 0, 20, BalanceRead.SUM_ROWS), 0);

        HostingCost cost = model.hostingCost(0, SimTime.DAY);

        assertEquals(List.of(PostgresModel.INSTANCE_HOURS, PostgresModel.STORAGE_GB_MONTHS),
                List.copyOf(cost.components().keySet()));
        assertEquals(384_000L, cost.components().get(PostgresModel.INSTANCE_HOURS),
                "24 h x $0.016");
        assertEquals(75_616L, cost.components().get(PostgresModel.STORAGE_GB_MONTHS),
                "20 GB x $0.115 for one day");
        assertEquals(model.hostingCostMicros(0, SimTime.DAY), cost.total());
    }

    @Test
    void cost_freeTier_billsNothingUntilItEnds() {
        PostgresModel model = model(params(MONTH, 20, 20, BalanceRead.SUM_ROWS), 0);

        assertEquals(0, model.hostingCostMicros(0, MONTH));
        // 730 h x $0.016 = $11.68 and 20 GB x $0.115 = $2.30.
        assertEquals(13_980_000, model.hostingCostMicros(MONTH, 2 * MONTH));
    }

    @Test
    void cost_freeStorageBelowAllocated_billsTheRest() {
        PostgresModel model = model(params(MONTH, 20, 100, BalanceRead.SUM_ROWS), 0);

        // 80 billed GB x $0.115 in the free month, no instance hours.
        assertEquals(9_200_000, model.hostingCostMicros(0, MONTH));
    }

    @Test
    void cost_startsAtGoLive_andAddsUpOverIntervals() {
        long start = 10 * SimTime.DAY + 7;
        PostgresModel model = model(params(0, 0, 20, BalanceRead.SUM_ROWS), start);
        long whole = model.hostingCostMicros(0, start + SimTime.YEAR);
        long parts = 0;
        for (long day = 0; day < 365; day++) {
            parts += model.hostingCostMicros(start + day * SimTime.DAY,
                    start + (day + 1) * SimTime.DAY);
        }

        assertEquals(0, model.hostingCostMicros(0, start));
        assertEquals(whole, parts);
        // 8,760 h x $0.016 = $140.16 and 12 x 20 GB x $0.115 = $27.60.
        assertEquals(167_760_000, whole);
    }

    @Test
    void cost_hundredYearsAtMaximumPrices_doesNotOverflow() {
        PostgresParams params = new PostgresParams(100_000_000_000L, 0, 65_536,
                100_000_000_000L, 0, 500, 100, BalanceRead.SUM_ROWS,
                LatencyParams.fixed(1), 112, 5);
        PostgresModel model = model(params, 0);

        // 876,000 h x $100,000 plus 1,200 months x 65,536 GB x $100,000.
        long expected = 876_000L * 100_000_000_000L + 1_200L * 65_536L * 100_000_000_000L;
        assertEquals(expected, model.hostingCostMicros(0, 100 * SimTime.YEAR));
    }

    @Test
    void append_whenStorageFull_failsOnAllocatedStorage() {
        PostgresModel model = model(params(0, 0, 1, BalanceRead.SUM_ROWS), 0);
        long fit = (1L << 30) / 600;

        assertEquals(fit, model.importRows(0, fit + 5));
        assertEquals(5, model.rowsNotImported());
        CallOutcome append = model.appendRow(1, 1_000);

        assertEquals(CallOutcome.Status.CAPACITY, append.status());
        assertEquals(PostgresModel.STORAGE, append.limit());
        assertEquals(1, append.requests());
        assertEquals(0, model.rows(1));
        assertTrue(model.gauges().contains(new LimitGauge(PostgresModel.STORAGE,
                "rds-instance", fit * 600, 1L << 30)), model.gauges()::toString);
    }

    @Test
    void rejectedWrite_storesNothing() {
        PostgresModel model = model(params(0, 0, 1, BalanceRead.RUNNING_BALANCE), 0);

        CallOutcome rejected = model.rejectedWrite(0, 1_000);

        assertEquals(CallOutcome.Status.OK, rejected.status());
        assertEquals(1, rejected.requests());
        assertEquals(0, model.rows(0));
        assertEquals(0, model.storedBytes());
    }

    @Test
    void append_exactlyFillingStorage_fits() {
        // Rows of 924 bytes plus 100 of overhead take 1,024 bytes, so 1 GB fits 2^30 / 2^10 =
        // 2^20 rows exactly. After 2^20 - 1 imported rows the next append fills the last 1,024
        // bytes and succeeds, and the one after it finds no room.
        LatencyParams latency = new LatencyParams(LatencyShape.FIXED, 5, 0, 1_000);
        PostgresModel model = model(new PostgresParams(16_000, 0, 1, 115_000, 0, 924, 100,
                BalanceRead.SUM_ROWS, latency, 112, 5), 0);
        long rows = 1L << 20;
        assertEquals(rows - 1, model.importRows(0, rows - 1));

        CallOutcome last = model.appendRow(0, 1_000);
        CallOutcome overFull = model.appendRow(0, 2_000);

        assertEquals(CallOutcome.Status.OK, last.status());
        assertEquals(1L << 30, model.storedBytes());
        assertEquals(CallOutcome.Status.CAPACITY, overFull.status());
        assertEquals(rows, model.rows(0));
    }

    @Test
    void signUpBeforeStart_pastStorage_fails() {
        PostgresModel model = model(params(0, 0, 1, BalanceRead.SUM_ROWS), 0);

        assertTrue(model.signUpBeforeStart(0, "a@example.com", 1_000_000).succeeded());
        CallOutcome second = model.signUpBeforeStart(1, "b@example.com", 1_000_000);

        assertEquals(PostgresModel.STORAGE, second.limit());
        assertEquals(0, model.rows(1));
        assertEquals(600_000_000, model.storedBytes());
    }

    @Test
    void sumRead_growsWithUsersRows() {
        PostgresModel model = model(params(0, 0, 20, BalanceRead.SUM_ROWS), 0);
        assertEquals(0, model.signUp(0, "a@example.com", 0).requests());
        for (int row = 0; row < 10; row++) {
            assertTrue(model.appendRow(0, row).succeeded());
        }
        model.importRows(1, 3_000);

        assertEquals(5 + 10, model.readBalance(0, 100).latencyMillis());
        assertEquals(5 + 3_000, model.readBalance(1, 100).latencyMillis());
    }

    @Test
    void runningBalance_readsOneRow_andWritesTwo() {
        PostgresModel model = model(params(0, 0, 20, BalanceRead.RUNNING_BALANCE), 0);
        assertEquals(1, model.signUp(1, "b@example.com", 0).requests());
        model.importRows(0, 3_000);

        CallOutcome append = model.appendRow(0, 10);

        assertEquals(2, append.requests());
        assertEquals(2 * (5 + 1), append.latencyMillis());
        assertEquals(5 + 1, model.readBalance(0, 20).latencyMillis());
        assertEquals((1 + 3_002) * 600, model.storedBytes(),
                "a balance row for user 1, and 3,001 rows and a balance row for user 0");
    }

    /** Three usable slots: max_connections 5 less 2 reserved. */
    private static PostgresModel threeSlots() {
        return model(new PostgresParams(16_000, 0, 20, 115_000, 0, 500, 100,
                BalanceRead.SUM_ROWS, LatencyParams.fixed(5), 5, 2), 0);
    }

    @Test
    void connections_fourthOverlappingRequest_failsOnConnections() {
        PostgresModel model = threeSlots();

        for (int request = 0; request < 3; request++) {
            assertEquals(CallOutcome.NONE, model.startRequest(100 + request));
        }
        CallOutcome fourth = model.startRequest(103);

        assertEquals(CallOutcome.Status.CAPACITY, fourth.status());
        assertEquals(PostgresModel.CONNECTIONS, fourth.limit());
        assertEquals(0, fourth.requests(), "a refused connection makes no statement");
        assertEquals(3, model.connectionsInUse(), "the refused request holds no slot");
    }

    @Test
    void connections_afterOneEnds_nextRequestStarts() {
        PostgresModel model = threeSlots();
        for (int request = 0; request < 3; request++) {
            model.startRequest(100);
        }
        assertEquals(PostgresModel.CONNECTIONS, model.startRequest(101).limit());

        model.endRequest(200);

        assertEquals(CallOutcome.NONE, model.startRequest(201));
        assertEquals(3, model.connectionsInUse());
        assertEquals(PostgresModel.CONNECTIONS, model.startRequest(202).limit());
    }

    @Test
    void connectionGauge_peakSinceLastReading() {
        PostgresModel model = threeSlots();
        model.startRequest(0);
        model.startRequest(1);
        model.endRequest(2);
        model.endRequest(3);
        model.startRequest(4);

        assertTrue(model.gauges().contains(new LimitGauge(PostgresModel.CONNECTIONS,
                "rds-instance", 2, 3)), "two at once before the first reading");
        assertTrue(model.gauges().contains(new LimitGauge(PostgresModel.CONNECTIONS,
                "rds-instance", 1, 3)), "the next period starts from the one still open");
    }

    @Test
    void endRequest_withNoConnectionOpen_throws() {
        PostgresModel model = threeSlots();

        assertThrows(IllegalStateException.class, () -> model.endRequest(0));
    }

    @Test
    void params_reservingEveryConnection_throws() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PostgresParams(16_000, 0, 20, 115_000, 0, 500, 100,
                        BalanceRead.SUM_ROWS, LatencyParams.fixed(5), 5, 5));

        assertEquals("reserved connections 5 leave none of max connections 5 for the proxy;"
                + " reserve fewer than 5", error.getMessage());
    }
}
