package dev.headroom.model.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.dynamodb.ReadConsistency;
import dev.headroom.engine.RandomStream;
import dev.headroom.engine.SimTime;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.latency.LatencyParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoDbModelTest {

    private static final LatencyParams ONE_MS = LatencyParams.fixed(1.0);
    private static final DynamoDbPrices NO_FREE_STORAGE = new DynamoDbPrices(
            1_250_000L, 250_000L, 250_000L, 0L);

    private static DynamoDbParams params(BalanceDesign design, ReadConsistency consistency,
            long logItemBytes, long balanceItemBytes, int maxRetries) {
        return new DynamoDbParams(design, consistency, logItemBytes, balanceItemBytes,
                NO_FREE_STORAGE, maxRetries, ONE_MS, DaxParams.NONE, ArchiveParams.NONE);
    }

    private static DynamoDbModel model(DynamoDbParams params) {
        return new DynamoDbModel(params, new RandomStream(3), 0);
    }

    @Test
    void writeUnitsAtOneKilobyteEdge() {
        DynamoDbModel oneKb = model(params(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_024, 100, 8));
        DynamoDbModel overOneKb = model(params(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_025, 100, 8));

        oneKb.appendRow(0, 0);
        overOneKb.appendRow(0, 0);

        assertEquals(1, oneKb.writeUnits());
        assertEquals(2, overOneKb.writeUnits());
    }

    @Test
    void runningBalanceAppendAlsoWritesBalance() {
        DynamoDbModel model = model(params(BalanceDesign.RUNNING_BALANCE,
                ReadConsistency.STRONG, 500, 100, 8));

        CallOutcome append = model.appendRow(0, 0);

        assertEquals(2, append.requests());
        assertEquals(2, model.writeUnits());
    }

    @Test
    void rejectedDebit_runningBalance_billsBalanceWriteOnly() {
        // A 2 KB log item and a 500 B balance item: a debit whose condition on the balance
        // fails is one write of the balance item, and no log item is put.
        DynamoDbModel model = model(params(BalanceDesign.RUNNING_BALANCE,
                ReadConsistency.STRONG, 2_048, 500, 8));

        CallOutcome rejected = model.rejectedWrite(0, 0);

        assertTrue(rejected.succeeded());
        assertEquals(1, rejected.requests());
        assertEquals(1, model.writeUnits());
        assertEquals(0, model.liveItems(0));
    }

    @Test
    void rejectedDebit_querySum_billsLogItemWrite() {
        DynamoDbModel model = model(params(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 2_048, 500, 8));

        CallOutcome rejected = model.rejectedWrite(0, 0);

        assertEquals(1, rejected.requests());
        assertEquals(2, model.writeUnits(), "one write unit per started 1 KB of the log item");
        assertEquals(0, model.liveItems(0));
    }

    @Test
    void getItemReadUnitsAtFourKilobyteEdge() {
        long[][] cases = {
            {4_096, 2, 1},
            {4_097, 4, 2},
        };
        for (long[] testCase : cases) {
            DynamoDbModel strong = model(params(BalanceDesign.RUNNING_BALANCE,
                    ReadConsistency.STRONG, 500, testCase[0], 8));
            DynamoDbModel eventual = model(params(BalanceDesign.RUNNING_BALANCE,
                    ReadConsistency.EVENTUAL, 500, testCase[0], 8));

            strong.readBalance(0, 0);
            eventual.readBalance(0, 0);

            assertEquals(testCase[1], strong.readHalfUnits(), "strong, " + testCase[0] + " B");
            assertEquals(testCase[2], eventual.readHalfUnits(), "eventual, " + testCase[0] + " B");
        }
    }

    @Test
    void queryPageBreaksAfterOneMegabyte() {
        DynamoDbModel full = model(params(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_024, 100, 8));
        DynamoDbModel overFull = model(params(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_024, 100, 8));
        for (int item = 0; item < 1_024; item++) {
            full.appendRow(0, item * 1_000L);
            overFull.appendRow(0, item * 1_000L);
        }
        overFull.appendRow(0, 1_024_000L);

        CallOutcome onePage = full.readBalance(0, 2_000_000L);
        CallOutcome twoPages = overFull.readBalance(0, 2_000_000L);

        assertEquals(1, onePage.requests());
        assertEquals(512, full.readHalfUnits(), "1 MB strong is 256 read units");
        assertEquals(2, twoPages.requests());
        assertEquals(514, overFull.readHalfUnits(), "a second page of 1 KB adds one unit");
    }

    @Test
    void partitionWriteCeilingThrottlesEleventhWrite() {
        DynamoDbModel model = model(params(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 102_400, 100, 8));
        for (int write = 0; write < 10; write++) {
            assertEquals(0, model.appendRow(0, write).throttles(), "write " + (write + 1));
        }

        CallOutcome eleventh = model.appendRow(0, 10);
        CallOutcome otherUser = model.appendRow(1, 10);

        assertEquals(CallOutcome.Status.OK, eleventh.status());
        assertEquals(1, eleventh.throttles());
        assertEquals(1_000 - 10 + 1, eleventh.latencyMillis(), "waited for the next second");
        assertEquals(0, otherUser.throttles());
        assertEquals(1, model.throttlesByQuota().get(1).throttles());
    }

    @Test
    void partitionWriteCeilingFailsWithoutRetries() {
        // Ten 100 KB writes at 0 to 9 ms take the key's 1,000 write units of second 0. With no
        // retries the write at 10 ms is rejected at once and waits for no later second, so the
        // call took 0 ms from its first attempt to its final response.
        DynamoDbModel model = model(params(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 102_400, 100, 0));
        for (int write = 0; write < 10; write++) {
            model.appendRow(0, write);
        }

        CallOutcome eleventh = model.appendRow(0, 10);

        assertEquals(CallOutcome.Status.THROTTLED, eleventh.status());
        assertEquals("TableWriteKeyRangeThroughputExceeded", eleventh.limit());
        assertEquals(0, eleventh.latencyMillis());
        assertEquals(10, model.liveItems(0));
    }

    @Test
    void partitionReadCeilingPacesLongQuery() {
        DynamoDbModel model = model(params(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_024, 100, 8));
        for (int item = 0; item < 12 * 1_024; item++) {
            model.appendRow(0, item * 1_000L);
        }
        long start = 100_000_000L;

        CallOutcome query = model.readBalance(0, start);

        assertEquals(13, query.requests(), "12 pages and one throttled attempt");
        assertEquals(1, query.throttles());
        assertEquals(1_000 + 1, query.latencyMillis(), "11 pages fit in the first second");
        assertEquals(12 * 512, model.readHalfUnits());
    }

    @Test
    void billOfWritesAndStorageForOneMonth() {
        DynamoDbModel model = model(params(BalanceDesign.RUNNING_BALANCE,
                ReadConsistency.STRONG, 500, 924, 8));
        for (int user = 0; user < 1_024; user++) {
            assertTrue(model.signUp(user, "u" + user + "@example.com", 0).succeeded());
        }

        long month = SimTime.YEAR / 12;
        long cost = model.hostingCostMicros(0, month);

        assertEquals(1_280 + 244, cost, "1,024 write units and 1 MiB for one month");
    }

    @Test
    void consecutiveIntervalsAddUpExactly() {
        DynamoDbParams params = params(BalanceDesign.RUNNING_BALANCE,
                ReadConsistency.EVENTUAL, 500, 924, 8);
        DynamoDbModel whole = model(params);
        DynamoDbModel split = model(params);
        long half = SimTime.DAY * 15;
        for (DynamoDbModel model : new DynamoDbModel[] {whole, split}) {
            for (int user = 0; user < 100; user++) {
                model.signUp(user, "u" + user + "@example.com", user);
                model.readBalance(user, user + 1);
            }
        }

        long total = whole.hostingCostMicros(0, 2 * half);
        long first = split.hostingCostMicros(0, half);
        long second = split.hostingCostMicros(half, 2 * half);

        assertEquals(total, first + second);
        // 100 KiB for 30 of 730/24 days at $0.25 per GiB-month is 23.5 micro-dollars.
        assertEquals(125 + 12 + 23, total, "100 writes, 100 eventual reads, 100 KiB stored");
    }

    @Test
    void dax_highestPrice_noOverflow() {
        long price = 100_000_000_000L;
        DaxParams dax = new DaxParams(10, price, 0.5, ONE_MS);
        DynamoDbParams params = new DynamoDbParams(BalanceDesign.RUNNING_BALANCE,
                ReadConsistency.STRONG, 500, 100, NO_FREE_STORAGE, 8, ONE_MS, dax,
                ArchiveParams.NONE);

        long cost = model(params).hostingCostMicros(0, 5 * SimTime.YEAR);

        assertEquals(10 * price * 43_800, cost,
                "ten nodes for 43,800 hours at $100,000 an hour");
    }

    /**
     * Returns a running-balance model behind two DAX nodes of $0.04 an hour with a hit rate of
     * 0.5, after ten balance reads of one user.
     */
    private static DynamoDbModel afterTenDaxReads(ReadConsistency consistency) {
        DaxParams dax = new DaxParams(2, 40_000L, 0.5, ONE_MS);
        DynamoDbModel model = model(new DynamoDbParams(BalanceDesign.RUNNING_BALANCE,
                consistency, 500, 100, NO_FREE_STORAGE, 8, ONE_MS, dax, ArchiveParams.NONE));
        for (int read = 0; read < 10; read++) {
            model.readBalance(0, read);
        }
        return model;
    }

    @Test
    void daxAnswersConfiguredShareAndBillsNodes() {
        DynamoDbModel model = afterTenDaxReads(ReadConsistency.EVENTUAL);

        assertEquals(5, model.balanceReadsAndDaxHits()[1]);
        assertEquals(5, model.readHalfUnits(), "5 eventual reads of one 4 KB block");
        long nodes = 2 * 40_000L * 24;
        assertEquals(nodes, model.hostingCostMicros(0, SimTime.DAY),
                "two nodes for 24 hours; 2.5 read units at $0.25 per million round to 0");
    }

    @Test
    void dax_strongReads_passThroughToTable() {
        DynamoDbModel model = afterTenDaxReads(ReadConsistency.STRONG);

        assertEquals(0, model.balanceReadsAndDaxHits()[1], "DAX caches no strong read");
        assertEquals(20, model.readHalfUnits(), "10 strong reads of one 4 KB block");
    }

    @Test
    void hostingCost_withDax_splitsIntoComponents() {
        DaxParams dax = new DaxParams(3, 40_000L, 0.5, ONE_MS);
        DynamoDbParams params = new DynamoDbParams(BalanceDesign.RUNNING_BALANCE,
                ReadConsistency.EVENTUAL, 500, 924, NO_FREE_STORAGE, 8, ONE_MS, dax,
                ArchiveParams.NONE);
        DynamoDbModel model = model(params);
        for (int user = 0; user < 1_024; user++) {
            model.signUp(user, "u" + user + "@example.com", user);
            model.readBalance(user, user + 1);
            model.readBalance(user, user + 2);
        }
        long month = SimTime.YEAR / 12;

        HostingCost cost = model.hostingCost(0, month);

        assertEquals(List.of(DynamoDbModel.WRITE_UNITS, DynamoDbModel.READ_UNITS,
                DynamoDbModel.TABLE_STORAGE, DynamoDbModel.DAX_NODES),
                List.copyOf(cost.components().keySet()));
        assertEquals(1_280L, cost.components().get(DynamoDbModel.WRITE_UNITS),
                "1,024 balance items of one write unit at $1.25 per million");
        assertEquals(128L, cost.components().get(DynamoDbModel.READ_UNITS),
                "1,024 eventual reads of half a unit at $0.25 per million; DAX answers the rest");
        assertEquals(244L, cost.components().get(DynamoDbModel.TABLE_STORAGE),
                "1 MiB for one month at $0.25 per GiB-month");
        assertEquals(3 * 40_000L * 730, cost.components().get(DynamoDbModel.DAX_NODES),
                "three nodes for 730 hours at $0.04 an hour");
        assertEquals(1_280 + 128 + 244 + 3 * 40_000L * 730, cost.total());
    }

    @Test
    void hostingCost_consecutiveIntervals_addUpByComponent() {
        ArchiveParams archive = new ArchiveParams(2 * SimTime.DAY, SimTime.DAY,
                ArchiveMode.MOVE_TO_S3, 23_000L, 5_000L);
        DynamoDbParams params = new DynamoDbParams(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_024, 100, NO_FREE_STORAGE, 8, ONE_MS,
                new DaxParams(1, 40_000L, 0.5, ONE_MS), archive);
        DynamoDbModel whole = model(params);
        DynamoDbModel split = model(params);
        for (DynamoDbModel model : new DynamoDbModel[] {whole, split}) {
            for (int item = 0; item < 2_000; item++) {
                model.appendRow(0, item * 10L);
            }
        }

        HostingCost total = whole.hostingCost(0, 4 * SimTime.DAY);
        HostingCost first = split.hostingCost(0, 3 * SimTime.DAY);
        HostingCost second = split.hostingCost(3 * SimTime.DAY, 4 * SimTime.DAY);

        assertEquals(total, first.plus(second));
        Map<String, Long> components = total.components();
        assertEquals(5L, components.get(DynamoDbModel.ARCHIVE_PUTS),
                "one PUT at $5 per thousand");
        assertTrue(components.get(DynamoDbModel.ARCHIVE_STORAGE) > 0, "S3 bytes for a day");
        assertEquals(4 * 24 * 40_000L, components.get(DynamoDbModel.DAX_NODES));
    }

    @Test
    void archiveMovesItemsAfterRetention() {
        ArchiveParams archive = new ArchiveParams(2 * SimTime.DAY, SimTime.DAY,
                ArchiveMode.MOVE_TO_S3, 23_000L, 5_000L);
        DynamoDbParams params = new DynamoDbParams(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_024, 100, NO_FREE_STORAGE, 8, ONE_MS,
                DaxParams.NONE, archive);
        DynamoDbModel model = model(params);
        for (int item = 0; item < 2_000; item++) {
            model.appendRow(0, item * 10L);
        }

        CallOutcome before = model.readBalance(0, 3 * SimTime.DAY - 1);
        CallOutcome after = model.readBalance(0, 3 * SimTime.DAY);

        assertEquals(2, before.requests(), "2,000 KB of items take two pages");
        assertEquals(1, after.requests(), "only the carried-forward item is left");
        assertEquals(0, model.liveItems(0));
        assertEquals(2_000 * 1_024L, model.gauges().get(1).used(), "archived bytes in S3");
        assertEquals(1_024 + 100, model.gauges().get(0).used(), "table keeps one item");
    }

    @Test
    void importedItemsCountInQueryAndBill() {
        DynamoDbModel model = model(params(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_024, 100, 8));

        model.importItems(0, 3_000, SimTime.DAY);
        CallOutcome query = model.readBalance(0, SimTime.DAY + 1);

        assertEquals(3_000, model.liveItems(0));
        assertEquals(3_000, model.writeUnits(), "one write unit per backfilled 1 KB item");
        assertEquals(3_000 * (1_024L + 100), model.gauges().get(0).used(), "table bytes");
        assertEquals(3, query.requests(), "3,000 KB of items take three 1 MB pages");
        assertEquals(2 * (256 + 256 + 238), model.readHalfUnits(),
                "two full pages and one of 952 KB, strongly consistent");
    }

    @Test
    void importedHistoryPastCeilingThrottlesFirstRead() {
        // A 1 MB page contains 2,097 items of 500 B and costs 256 read units when strongly
        // consistent, 128 when eventually consistent. The key's 3,000 read units a second
        // take 11 full pages and 184 blocks of 4 KB (1,507 items) strong, or 23 full pages and
        // 112 blocks (917 items) eventual. One more item makes the last page wait for the next
        // second on the first read after the backfill.
        long[][] cases = {
            {0, 11 * 2_097L + 1_507, 0},
            {0, 11 * 2_097L + 1_508, 1},
            {1, 23 * 2_097L + 917, 0},
            {1, 23 * 2_097L + 918, 1},
        };
        for (long[] testCase : cases) {
            ReadConsistency consistency = testCase[0] == 0
                    ? ReadConsistency.STRONG : ReadConsistency.EVENTUAL;
            DynamoDbModel model = model(params(BalanceDesign.QUERY_ALL_ITEMS, consistency,
                    500, 100, 8));
            model.importItems(0, testCase[1], SimTime.DAY);

            CallOutcome first = model.readBalance(0, SimTime.DAY);

            String label = consistency + ", " + testCase[1] + " items";
            assertEquals(CallOutcome.Status.OK, first.status(), label);
            assertEquals(testCase[2], first.throttles(), label);
            assertEquals(testCase[2], model.throttlesByQuota().get(0).throttles(), label);
        }
    }

    @Test
    void importUnderRunningBalanceWritesBalanceItem() {
        DynamoDbModel model = model(params(BalanceDesign.RUNNING_BALANCE,
                ReadConsistency.STRONG, 500, 2_048, 8));

        model.importItems(0, 10, 0);

        assertEquals(10 + 2, model.writeUnits(), "ten 500 B items and one 2 KB balance item");
        assertEquals(10 * 600L + 2_148, model.gauges().get(0).used(), "table bytes");
    }

    @Test
    void continuingTableArchivesItemsByAge() {
        DynamoDbParams tracking = new DynamoDbParams(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_024, 100, NO_FREE_STORAGE, 8, ONE_MS, DaxParams.NONE,
                ArchiveParams.tracksAgesOnly(2 * SimTime.DAY, SimTime.DAY));
        DynamoDbParams archiving = new DynamoDbParams(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_024, 100, NO_FREE_STORAGE, 8, ONE_MS, DaxParams.NONE,
                new ArchiveParams(2 * SimTime.DAY, SimTime.DAY, ArchiveMode.MOVE_TO_S3,
                        23_000L, 5_000L));
        DynamoDbModel previous = model(tracking);
        appendItems(previous, 10, 0);
        appendItems(previous, 20, SimTime.DAY);
        appendItems(previous, 30, 3 * SimTime.DAY);
        previous.hostingCostMicros(0, 4 * SimTime.DAY);

        DynamoDbModel next = DynamoDbModel.continuing(archiving, new RandomStream(4),
                4 * SimTime.DAY, previous);
        long liveAtStart = next.liveItems(0);
        long tableAtStart = next.gauges().get(0).used();
        long archiveAtStart = next.gauges().get(1).used();
        next.readBalance(0, 6 * SimTime.DAY - 1);
        long liveBeforeDaySix = next.liveItems(0);
        next.readBalance(0, 6 * SimTime.DAY);

        assertEquals(60, previous.liveItems(0), "the previous table kept its aged items");
        assertEquals(30, liveAtStart, "items of days 0 and 1 moved at the start");
        assertEquals((30 + 1) * 1_124L, tableAtStart, "day 3 items and the carried item");
        assertEquals(30 * 1_024L, archiveAtStart, "archived bytes in S3");
        assertEquals(30, liveBeforeDaySix, "day 3 items stay for two whole days");
        assertEquals(0, next.liveItems(0), "day 3 items moved when day 6 began");
    }

    @Test
    void continuingTableWithoutAgesCountsItemsAsNew() {
        DynamoDbModel previous = model(params(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_024, 100, 8));
        appendItems(previous, 5, 0);
        DynamoDbParams archiving = new DynamoDbParams(BalanceDesign.QUERY_ALL_ITEMS,
                ReadConsistency.STRONG, 1_024, 100, NO_FREE_STORAGE, 8, ONE_MS, DaxParams.NONE,
                new ArchiveParams(SimTime.DAY, SimTime.DAY, ArchiveMode.MOVE_TO_S3, 0L, 0L));

        DynamoDbModel next = DynamoDbModel.continuing(archiving, new RandomStream(4),
                10 * SimTime.DAY, previous);
        next.readBalance(0, 12 * SimTime.DAY - 1);
        long liveBeforeDayTwelve = next.liveItems(0);
        next.readBalance(0, 12 * SimTime.DAY);

        assertEquals(5, liveBeforeDayTwelve, "items count as written on day 10");
        assertEquals(0, next.liveItems(0), "they moved when day 12 began");
        assertEquals(1_124L, next.gauges().get(0).used(), "only the carried item is left");
        assertEquals(1, next.writeUnits(), "the carried item's write");
    }

    private static void appendItems(DynamoDbModel model, int items, long from) {
        for (int item = 0; item < items; item++) {
            assertTrue(model.appendRow(0, from + item * 1_000L).succeeded());
        }
    }
}
