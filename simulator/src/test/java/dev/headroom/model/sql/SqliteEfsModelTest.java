package dev.headroom.model.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.RandomStream;
import dev.headroom.engine.SimTime;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.QuotaCount;
import dev.headroom.model.latency.LatencyParams;
import dev.headroom.model.latency.LatencyShape;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteEfsModelTest {

    private static final long MONTH = SimTime.YEAR / 12;

    /**
     * EFS at $0.30 per GB-month, $0.03 per GB read and $0.06 per GB written; 4 KiB pages and
     * 1 KiB rows with no overhead. Each statement takes {@code millis} plus 20 ms per 1,000 rows.
     */
    private static SqliteEfsModel model(long millis, long busyTimeout, int retries) {
        LatencyParams latency = new LatencyParams(LatencyShape.FIXED, millis, 0, 20);
        SqliteEfsParams params = new SqliteEfsParams(300_000, 30_000, 60_000, 4_096, 1_024, 0,
                BalanceRead.SUM_ROWS, latency, busyTimeout, retries);
        return new SqliteEfsModel(params, new RandomStream(1), 0);
    }

    @Test
    void writes_fasterThanLock_waitUntilBusyTimeout() {
        // A 100 ms write every 50 ms: write k waits 50k ms, so write 21 would wait 1,050 ms.
        SqliteEfsModel model = model(100, 1_000, 0);
        for (int write = 0; write <= 20; write++) {
            CallOutcome outcome = model.appendRow(write % 3, write * 50L);
            assertTrue(outcome.succeeded(), "write " + write);
            assertEquals(50L * write + 100, outcome.latencyMillis(), "write " + write);
        }

        CallOutcome busy = model.appendRow(0, 21 * 50L);

        assertEquals(CallOutcome.Status.THROTTLED, busy.status());
        assertEquals(SqliteEfsModel.BUSY, busy.limit());
        assertEquals(1_000, busy.latencyMillis(), "it waited the whole busy timeout");
        assertEquals(1, busy.throttles());
        assertEquals(List.of(new QuotaCount(SqliteEfsModel.BUSY, 1)), model.throttlesByQuota());
        assertEquals(2_100, model.lockFreeAt(), "the failed write did not take the lock");
    }

    @Test
    void busyWrites_retryUntilCapRunsOut() {
        // 35 writes of 100 ms at once; write k finds the lock taken for 100k ms.
        SqliteEfsModel model = model(100, 1_000, 2);
        CallOutcome[] outcomes = new CallOutcome[35];
        for (int write = 0; write < outcomes.length; write++) {
            outcomes[write] = model.appendRow(0, 0);
        }

        assertEquals(1, outcomes[10].requests(), "waits 1,000 ms, the timeout itself");
        assertEquals(2, outcomes[15].requests());
        assertEquals(1, outcomes[15].throttles());
        assertEquals(1_600, outcomes[15].latencyMillis());
        assertEquals(3, outcomes[25].requests());
        assertEquals(2, outcomes[25].throttles());
        assertEquals(2_600, outcomes[25].latencyMillis());
        assertEquals(CallOutcome.Status.THROTTLED, outcomes[31].status());
        assertEquals(3, outcomes[31].throttles());
        assertEquals(3_000, outcomes[31].latencyMillis());
        assertEquals(31, model.rows(0), "writes 0 to 30 stored a row");
        // Writes 11 to 20 failed once, 21 to 30 twice, and 31 to 34 three times.
        assertEquals(10 + 20 + 12, model.throttlesByQuota().get(0).throttles());
    }

    @Test
    void rejectedWrite_holdsLockStoresNothing() {
        SqliteEfsModel model = model(100, 5_000, 0);

        CallOutcome rejected = model.rejectedWrite(0, 0);
        CallOutcome append = model.appendRow(1, 10);

        assertTrue(rejected.succeeded());
        assertEquals(100, rejected.latencyMillis());
        assertEquals(90 + 100, append.latencyMillis(), "the rejected debit held the lock");
        assertEquals(0, model.rows(0));
        assertEquals(1, model.rows(1));
        // The append makes three write operations, each metered as 32 KiB. The rejected debit
        // writes none.
        assertEquals(BigInteger.valueOf(3 * 32_768), model.bytesReadAndWritten()[1]);
    }

    @Test
    void read_waitsForWriterButDoesNotHoldLock() {
        SqliteEfsModel model = model(100, 5_000, 0);
        model.appendRow(0, 0);

        CallOutcome read = model.readBalance(1, 10);
        CallOutcome write = model.appendRow(2, 20);

        assertEquals(90 + 100, read.latencyMillis());
        assertEquals(80 + 100, write.latencyMillis(), "the read did not delay the write");
    }

    @Test
    void sumRead_growsWithUsersRows() {
        SqliteEfsModel model = model(50, 5_000, 0);
        model.importRows(0, 1_000, 0);
        model.importRows(1, 10_000, 0);

        assertEquals(50 + 20, model.readBalance(0, 1_000).latencyMillis());
        assertEquals(50 + 200, model.readBalance(1, 2_000).latencyMillis());
    }

    @Test
    void cost_storageReadsAndWrites_inExactMicros() {
        SqliteEfsModel model = model(50, 5_000, 0);
        // 2^20 rows of 1 KiB: 1 GiB stored from time 0, and 1 GiB written by the copy.
        model.importRows(0, 1L << 20, 0);

        assertEquals(300_000 + 60_000, model.hostingCostMicros(0, MONTH));
        model.readBalance(0, MONTH + 1);
        // A sum of every row reads 1 GiB.
        assertEquals(300_000 + 30_000, model.hostingCostMicros(MONTH, 2 * MONTH));
        assertEquals(BigInteger.ONE.shiftLeft(30), model.bytesReadAndWritten()[0]);
    }

    @Test
    void cost_byComponent_storageReadsAndWrites() {
        SqliteEfsModel model = model(50, 5_000, 0);
        model.importRows(0, 1L << 20, 0);
        model.readBalance(0, 1);

        HostingCost cost = model.hostingCost(0, MONTH);

        assertEquals(300_000L, cost.components().get(SqliteEfsModel.STORAGE),
                "1 GiB stored for one month at $0.30");
        assertEquals(30_000L, cost.components().get(SqliteEfsModel.READ_THROUGHPUT),
                "a sum of every row reads 1 GiB at $0.03");
        assertEquals(60_000L, cost.components().get(SqliteEfsModel.WRITE_THROUGHPUT),
                "the copy writes 1 GiB at $0.06");
        assertEquals(390_000L, cost.total());
    }

    @Test
    void cost_smallWrites_addUpAcrossIntervals() {
        SqliteEfsModel model = model(1, 5_000, 0);
        long total = 0;
        long byteMillis = 0;
        for (int day = 0; day < 100; day++) {
            for (int write = 0; write < 1_000; write++) {
                long at = day * SimTime.DAY + write * 10L;
                model.appendRow(write % 7, at);
                byteMillis += 1_024 * (100 * SimTime.DAY - at);
            }
            total += model.hostingCostMicros(day * SimTime.DAY, (day + 1) * SimTime.DAY);
        }

        // 100,000 rows, each three write operations metered as 32 KiB, at $0.06 per GiB. Each
        // row stores 1 KiB.
        long written = 100_000L * 3 * 32_768;
        assertEquals(BigInteger.valueOf(written), model.bytesReadAndWritten()[1]);
        long writeMicros = written * 60_000 / (1L << 30);
        long storageMicros = BigInteger.valueOf(byteMillis).multiply(BigInteger.valueOf(300_000))
                .divide(BigInteger.valueOf(MONTH).shiftLeft(30)).longValueExact();
        assertEquals(549_316, writeMicros);
        assertEquals(writeMicros + storageMicros, total);
    }

    @Test
    void runningBalance_holdsLockForBothStatements() {
        LatencyParams latency = LatencyParams.fixed(100);
        SqliteEfsParams params = new SqliteEfsParams(300_000, 30_000, 60_000, 4_096, 1_024, 0,
                BalanceRead.RUNNING_BALANCE, latency, 5_000, 0);
        SqliteEfsModel model = new SqliteEfsModel(params, new RandomStream(1), 0);

        CallOutcome signUp = model.signUp(0, "a@example.com", 0);
        CallOutcome append = model.appendRow(0, 0);
        CallOutcome read = model.readBalance(0, 0);

        assertEquals(1, signUp.requests());
        assertEquals(100, signUp.latencyMillis());
        assertEquals(100 + 200, append.latencyMillis(), "waits for the sign-up, then two");
        assertEquals(300 + 100, read.latencyMillis(), "waits for the append, reads one row");
        assertEquals(300, model.lockFreeAt());
        // Three rows written in all (the balance row, the log row and its balance update), each
        // in three operations, and one read of one page. Each operation is metered as 32 KiB.
        assertEquals(BigInteger.valueOf(3L * 3 * 32_768), model.bytesReadAndWritten()[1]);
        assertEquals(BigInteger.valueOf(32_768), model.bytesReadAndWritten()[0]);
    }

    @Test
    void smallOperations_meteredAsAtLeast32KiB() {
        SqliteEfsModel model = model(1, 5_000, 0);
        model.appendRow(0, 0);
        model.readBalance(0, 10);

        // One row of one 4 KiB page: the journal copy of 8 KiB, the row's page and the index
        // page are three write operations, and the balance sum reads one page.
        assertEquals(BigInteger.valueOf(3 * 32_768), model.bytesReadAndWritten()[1]);
        assertEquals(BigInteger.valueOf(32_768), model.bytesReadAndWritten()[0]);
        HostingCost cost = model.hostingCost(0, SimTime.DAY);
        assertEquals(5L, cost.components().get(SqliteEfsModel.WRITE_THROUGHPUT),
                "96 KiB at $0.06 per GiB is 5.49 micro-dollars");
        assertEquals(0L, cost.components().get(SqliteEfsModel.READ_THROUGHPUT),
                "32 KiB at $0.03 per GiB is 0.92 micro-dollars");
    }

    @Test
    void meteredBytes_minimumThenWholeKiB() {
        assertEquals(32_768, SqliteEfsModel.meteredBytes(0));
        assertEquals(32_768, SqliteEfsModel.meteredBytes(4_096));
        assertEquals(32_768, SqliteEfsModel.meteredBytes(32_768));
        assertEquals(33_792, SqliteEfsModel.meteredBytes(32_769));
        assertEquals(1L << 30, SqliteEfsModel.meteredBytes(1L << 30));
    }

    @Test
    void signUpBeforeStart_storesRowsWithoutWriteCost() {
        SqliteEfsModel model = model(1, 5_000, 0);
        // 2^20 rows of 1 KiB stored for one month, and nothing written.
        model.signUpBeforeStart(0, "a@example.com", 1 << 20);

        assertEquals(300_000, model.hostingCostMicros(0, MONTH));
        assertEquals(BigInteger.ZERO, model.bytesReadAndWritten()[1]);
        assertEquals(1 << 20, model.rows(0));
    }

    @Test
    void cost_intervalNotFollowingPrevious_isRejected() {
        SqliteEfsModel model = model(1, 5_000, 0);
        model.hostingCostMicros(0, SimTime.DAY);

        assertThrows(IllegalArgumentException.class,
                () -> model.hostingCostMicros(2 * SimTime.DAY, 3 * SimTime.DAY));
    }
}
