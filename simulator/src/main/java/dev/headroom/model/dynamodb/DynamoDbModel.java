package dev.headroom.model.dynamodb;

import dev.headroom.dynamodb.CapacityUnits;
import dev.headroom.dynamodb.ReadConsistency;
import dev.headroom.dynamodb.WriteMode;
import dev.headroom.model.BackendModel;
import dev.headroom.model.Billing;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.QuotaCount;
import dev.headroom.model.latency.LatencyModel;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The DynamoDB usage ledger as a fast model: one table keyed by the user's email (partition
 * key) and the time of each log item (sort key), billed on demand.
 *
 * <p>Rules, each in {@code CapacityUnits} with its source: a write costs one write unit per
 * started 1 KB; a GetItem one 4 KB block; a Query the summed bytes of each page of at most
 * 1 MB, rounded up to 4 KB; a partition key serves at most 1,000 write units and 3,000 read
 * units per second. Each stored item adds 100 bytes of indexing overhead to the billed storage
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html,
 * read 2026-12). Items leave the table by TTL, which deletes them without charge
 * (https://repost.aws/questions/QU8eKVThPzQR6wDdx0KZr0YQ, read 2026-12).
 *
 * <p>The plan's last phase: a DAX cache serves a fixed fraction of eventually consistent
 * balance reads, spread evenly over the run, at no read-unit cost; strongly consistent reads
 * pass through it to the table. Archiving copies items older than the retention age to S3
 * (one object per user and bucket) and removes them from the table. Under
 * {@link BalanceDesign#QUERY_ALL_ITEMS} the archive job also keeps one carried-forward item per
 * user, the size of a log item, so the balance Query reads only the table's items.
 *
 * <p>Migrations: {@link #importItems} backfills the rows a user stored in an earlier backend,
 * and {@link #continuing} takes over an earlier phase's table with its items and their ages.
 *
 * <p>Leaves out: the table-wide and account quotas, warm throughput and adaptive capacity,
 * stale balances read from DAX, the 48-hour TTL deletion delay, request latency of the archive
 * job, data transfer and backup prices, and retry backoff jitter (a throttled call waits for
 * the next second). Not thread-safe.
 */
public final class DynamoDbModel implements BackendModel {

    /** Indexing overhead that DynamoDB adds to each stored item's billed size, in bytes. */
    public static final long ITEM_OVERHEAD_BYTES = 100;

    /** The hosting cost component of the write request units. */
    public static final String WRITE_UNITS = "dynamodb_write_units";
    /** The hosting cost component of the read request units. */
    public static final String READ_UNITS = "dynamodb_read_units";
    /** The hosting cost component of the table's GB-months above the free allowance. */
    public static final String TABLE_STORAGE = "dynamodb_storage";
    /** The hosting cost component of the S3 archive's GB-months. */
    public static final String ARCHIVE_STORAGE = "s3_archive_storage";
    /** The hosting cost component of the S3 archive's PUT requests. */
    public static final String ARCHIVE_PUTS = "s3_archive_puts";
    /** The hosting cost component of the DAX cluster's node hours. */
    public static final String DAX_NODES = "dax_nodes";


    private final DynamoDbParams params;
    private final LatencyModel latency;
    private final LatencyModel daxLatency;
    private final KeyThroughput readKeys = new KeyThroughput(
            2 * CapacityUnits.PARTITION_MAX_READ_UNITS_PER_SECOND);
    private final KeyThroughput writeKeys = new KeyThroughput(
            CapacityUnits.PARTITION_MAX_WRITE_UNITS_PER_SECOND);
    /** Write-time buckets of each user's items, or {@code null} when ages are not counted. */
    private final ItemArchive ages;
    private final DynamoDbBill bill;
    private long[] liveItems = new long[64];
    /** Items of each user moved to S3. */
    private long[] archivedItems = new long[64];
    /** Items of each user older than the retention age but still in the table. */
    private long[] agedItems = new long[64];
    private long readThrottles;
    private long writeThrottles;
    private long balanceReads;
    private long daxHits;

    /**
     * Creates the model of a table that goes live at {@code startMillis}; node hours and
     * storage are billed from then. Latency draws come from {@code random}.
     */
    public DynamoDbModel(DynamoDbParams params, RandomGenerator random, long startMillis) {
        this.params = params;
        this.latency = new LatencyModel(params.latency(), random);
        this.daxLatency = new LatencyModel(params.dax().hitLatency(), random);
        this.ages = params.archive().tracksAges()
                ? new ItemArchive(params.archive(), startMillis) : null;
        this.bill = new DynamoDbBill(params, startMillis);
    }

    /**
     * Creates the model of {@code previous}'s table with the features of {@code params}, live
     * from {@code startMillis}. The log items, their ages, the balance items and the S3 archive
     * carry over with no request and no charge, because the table stays the same. When this
     * model moves aged items to S3 and {@code previous} kept them, every item already older than
     * the retention age moves at {@code startMillis}, billed as the archive job's PUTs and
     * writes. Items whose ages {@code previous} did not count are counted as written at
     * {@code startMillis}. The per-key ceiling and the DAX counters start afresh.
     *
     * @throws IllegalArgumentException if both models count ages with a different retention
     *     or bucket width
     */
    public static DynamoDbModel continuing(DynamoDbParams params, RandomGenerator random,
            long startMillis, DynamoDbModel previous) {
        DynamoDbModel model = new DynamoDbModel(params, random, startMillis);
        previous.advanceTo(startMillis);
        model.takeOver(previous);
        return model;
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    /** Creates the running-balance item, or makes no call under the Query design. */
    @Override
    public CallOutcome signUp(int user, String email, long now) {
        advanceTo(now);
        ensureUser(user);
        if (params.design() == BalanceDesign.QUERY_ALL_ITEMS) {
            return CallOutcome.NONE;
        }
        long units = CapacityUnits.writeUnits(params.balanceItemBytes(), WriteMode.STANDARD);
        CallOutcome outcome = write(user, now, units, 1);
        if (outcome.succeeded()) {
            bill.table().add(params.balanceItemBytes() + ITEM_OVERHEAD_BYTES);
        }
        return outcome;
    }

    /**
     * Stores the user's {@code rows} log items, and under {@link BalanceDesign#RUNNING_BALANCE}
     * their balance item, as written before the run: they take storage from the start and cost
     * no request units.
     */
    @Override
    public CallOutcome signUpBeforeStart(int user, String email, int rows) {
        ensureUser(user);
        storeItems(user, rows);
        return CallOutcome.NONE;
    }

    @Override
    public CallOutcome readBalance(int user, long now) {
        advanceTo(now);
        ensureUser(user);
        balanceReads++;
        if (daxAnswers()) {
            daxHits++;
            return CallOutcome.ok(daxLatency.sampleMillis(0));
        }
        if (params.design() == BalanceDesign.RUNNING_BALANCE) {
            long halfUnits = CapacityUnits.getItemReadHalfUnits(
                    params.balanceItemBytes(), params.consistency());
            return readPages(user, now, new long[] {1}, new long[] {halfUnits});
        }
        return queryAll(user, now);
    }

    /** Puts one log item, and under the running-balance design also updates the balance. */
    @Override
    public CallOutcome appendRow(int user, long now) {
        CallOutcome outcome = appendCall(user, now);
        if (outcome.succeeded()) {
            liveItems[user]++;
            bill.table().add(params.logItemBytes() + ITEM_OVERHEAD_BYTES);
            if (ages != null) {
                ages.add(user, 1);
            }
        }
        return outcome;
    }

    /**
     * Makes the one conditional write of a rejected debit: the update of the balance item under
     * {@link BalanceDesign#RUNNING_BALANCE}, the put of the log item otherwise. DynamoDB bills a
     * write whose condition fails by the item's size, as it bills one that succeeds, and the
     * table is left unchanged:
     * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
     * (read 2026-12). The log item that a running-balance debit would also put is never written.
     */
    @Override
    public CallOutcome rejectedWrite(int user, long now) {
        advanceTo(now);
        ensureUser(user);
        long itemBytes = params.design() == BalanceDesign.RUNNING_BALANCE
                ? params.balanceItemBytes() : params.logItemBytes();
        return write(user, now, CapacityUnits.writeUnits(itemBytes, WriteMode.STANDARD), 1);
    }

    /** Makes an append's write calls, billed and throttled, without storing the item. */
    private CallOutcome appendCall(int user, long now) {
        advanceTo(now);
        ensureUser(user);
        long units = CapacityUnits.writeUnits(params.logItemBytes(), WriteMode.STANDARD);
        int calls = 1;
        if (params.design() == BalanceDesign.RUNNING_BALANCE) {
            units += CapacityUnits.writeUnits(params.balanceItemBytes(), WriteMode.STANDARD);
            calls = 2;
        }
        return write(user, now, units, calls);
    }

    /**
     * Backfills the rows that {@code user} stored in an earlier backend, as a migration into
     * this table copies them: {@code items} log items, counted as written at {@code now} for the
     * archive's age, and under {@link BalanceDesign#RUNNING_BALANCE} the user's balance item.
     * Each item is billed as one standard write of its size at the table's write price. The
     * backfill goes around the live traffic, so it meets no per-key ceiling, adds no latency
     * and counts no request.
     */
    public void importItems(int user, long items, long now) {
        if (items < 0) {
            throw new IllegalArgumentException("imported item count of user " + user + " is "
                    + items + "; it must be zero or more");
        }
        advanceTo(now);
        ensureUser(user);
        long units = Math.multiplyExact(items,
                CapacityUnits.writeUnits(params.logItemBytes(), WriteMode.STANDARD));
        if (params.design() == BalanceDesign.RUNNING_BALANCE) {
            units += CapacityUnits.writeUnits(params.balanceItemBytes(), WriteMode.STANDARD);
        }
        bill.addWriteUnits(units);
        storeItems(user, items);
    }

    /**
     * Adds the storage of the user's {@code items} log items, and under
     * {@link BalanceDesign#RUNNING_BALANCE} of their balance item, with no request units.
     */
    private void storeItems(int user, long items) {
        long bytes = Math.multiplyExact(items, params.logItemBytes() + ITEM_OVERHEAD_BYTES);
        if (params.design() == BalanceDesign.RUNNING_BALANCE) {
            bytes += params.balanceItemBytes() + ITEM_OVERHEAD_BYTES;
        }
        bill.table().add(bytes);
        liveItems[user] += items;
        if (ages != null) {
            ages.add(user, items);
        }
    }

    @Override
    public List<LimitGauge> gauges() {
        return List.of(
                new LimitGauge("table-bytes", "dynamodb", bill.table().bytes(), Long.MAX_VALUE),
                new LimitGauge("archive-bytes", "s3", bill.archive().bytes(), Long.MAX_VALUE),
                new LimitGauge("key-read-half-units-per-second", "busiest-key",
                        readKeys.peakUnits(), readKeys.unitsPerSecond()),
                new LimitGauge("key-write-units-per-second", "busiest-key",
                        writeKeys.peakUnits(), writeKeys.unitsPerSecond()));
    }

    /** Returns throttled attempts under the names of DynamoDB's throttling reasons. */
    @Override
    public List<QuotaCount> throttlesByQuota() {
        return List.of(
                new QuotaCount("TableReadKeyRangeThroughputExceeded", readThrottles),
                new QuotaCount("TableWriteKeyRangeThroughputExceeded", writeThrottles));
    }

    /**
     * Returns the bill for {@code [from, to)}. Each {@code from} must be the model's start or
     * the {@code to} of an earlier call, and request units are billed to the first interval
     * asked after the call that consumed them.
     */
    @Override
    public HostingCost hostingCost(long from, long to) {
        Billing.requireInterval(from, to);
        HostingCost start = bill.lookup(from);
        advanceTo(to);
        return bill.cumulativeTo(to).minus(start);
    }

    /** Returns the write request units consumed so far. */
    public long writeUnits() {
        return bill.writeUnits();
    }

    /** Returns the read request units consumed so far, counted in halves of a unit. */
    public long readHalfUnits() {
        return bill.readHalfUnits();
    }

    /** Returns the balance reads so far and how many of them DAX served. */
    public long[] balanceReadsAndDaxHits() {
        return new long[] {balanceReads, daxHits};
    }

    /** Returns the log items of {@code user} still in the table. */
    public long liveItems(int user) {
        return user < liveItems.length ? liveItems[user] : 0;
    }

    private CallOutcome queryAll(int user, long now) {
        long items = liveItems[user];
        if (archivedItems[user] > 0) {
            items++;
        }
        long itemsPerPage = CapacityUnits.QUERY_PAGE_MAX_BYTES / params.logItemBytes();
        int pages = (int) Math.max(1, (items + itemsPerPage - 1) / itemsPerPage);
        long[] pageItems = new long[pages];
        long[] pageHalfUnits = new long[pages];
        long remaining = items;
        for (int page = 0; page < pages; page++) {
            pageItems[page] = Math.min(remaining, itemsPerPage);
            pageHalfUnits[page] = CapacityUnits.pageReadHalfUnits(
                    pageItems[page] * params.logItemBytes(), params.consistency());
            remaining -= pageItems[page];
        }
        return readPages(user, now, pageItems, pageHalfUnits);
    }

    private CallOutcome readPages(int user, long now, long[] pageItems, long[] pageHalfUnits) {
        long time = now;
        int requests = 0;
        int throttles = 0;
        for (int page = 0; page < pageItems.length; page++) {
            long accepted = readKeys.charge(user, time, pageHalfUnits[page], params.maxRetries());
            throttles += readKeys.lastThrottles();
            requests += 1 + readKeys.lastThrottles();
            readThrottles += readKeys.lastThrottles();
            if (accepted < 0) {
                return new CallOutcome(CallOutcome.Status.THROTTLED, requests, throttles,
                        time - now, "TableReadKeyRangeThroughputExceeded");
            }
            bill.addReadHalfUnits(pageHalfUnits[page]);
            time = accepted + latency.sampleMillis(pageItems[page]);
        }
        return new CallOutcome(CallOutcome.Status.OK, requests, throttles, time - now, null);
    }

    private CallOutcome write(int user, long now, long units, int calls) {
        long accepted = writeKeys.charge(user, now, units, params.maxRetries());
        int throttles = writeKeys.lastThrottles();
        writeThrottles += throttles;
        if (accepted < 0) {
            return new CallOutcome(CallOutcome.Status.THROTTLED, calls + throttles, throttles,
                    writeKeys.lastAttemptMillis() - now, "TableWriteKeyRangeThroughputExceeded");
        }
        bill.addWriteUnits(units);
        long latencyMillis = accepted - now;
        for (int call = 0; call < calls; call++) {
            latencyMillis += latency.sampleMillis(1);
        }
        return new CallOutcome(CallOutcome.Status.OK, calls + throttles, throttles,
                latencyMillis, null);
    }

    /**
     * Returns whether DAX serves the current balance read. DAX passes a strongly consistent
     * read through to the table without caching it, so it serves eventually consistent reads
     * only (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html,
     * read 2026-12-06).
     */
    private boolean daxAnswers() {
        if (!params.dax().enabled() || params.consistency() != ReadConsistency.EVENTUAL) {
            return false;
        }
        double rate = params.dax().hitRate();
        return Math.floor(balanceReads * rate) > Math.floor((balanceReads - 1) * rate);
    }

    private void advanceTo(long now) {
        if (ages != null) {
            while (ages.nextBoundaryMillis() <= now) {
                advanceStorage(ages.nextBoundaryMillis());
                ages.step(this::itemsAged);
            }
        }
        advanceStorage(now);
    }

    private void takeOver(DynamoDbModel previous) {
        liveItems = previous.liveItems.clone();
        archivedItems = previous.archivedItems.clone();
        agedItems = previous.agedItems.clone();
        bill.table().add(previous.bill.table().bytes());
        bill.archive().add(previous.bill.archive().bytes());
        if (ages == null) {
            return;
        }
        if (previous.ages != null) {
            ages.takeOver(previous.ages);
        } else {
            for (int user = 0; user < liveItems.length; user++) {
                if (liveItems[user] > 0) {
                    ages.add(user, liveItems[user]);
                }
            }
        }
        if (!params.archive().movesToS3()) {
            return;
        }
        for (int user = 0; user < agedItems.length; user++) {
            long items = agedItems[user];
            if (items > 0) {
                agedItems[user] = 0;
                moveToArchive(user, items);
            }
        }
    }

    private void itemsAged(int user, int items) {
        if (params.archive().movesToS3()) {
            moveToArchive(user, items);
        } else {
            agedItems[user] += items;
        }
    }

    private void advanceStorage(long now) {
        bill.table().advanceTo(now);
        bill.archive().advanceTo(now);
    }

    private void moveToArchive(int user, long items) {
        boolean firstArchive = archivedItems[user] == 0;
        archivedItems[user] += items;
        liveItems[user] -= items;
        bill.table().add(-items * (params.logItemBytes() + ITEM_OVERHEAD_BYTES));
        bill.archive().add(items * params.logItemBytes());
        bill.addArchivePut();
        if (params.design() == BalanceDesign.QUERY_ALL_ITEMS) {
            bill.addWriteUnits(CapacityUnits.writeUnits(params.logItemBytes(), WriteMode.STANDARD));
            if (firstArchive) {
                bill.table().add(params.logItemBytes() + ITEM_OVERHEAD_BYTES);
            }
        }
    }

    private void ensureUser(int user) {
        if (user < 0) {
            throw new IllegalArgumentException("user index " + user + " is negative");
        }
        if (user >= liveItems.length) {
            int capacity = Math.max(user + 1, liveItems.length * 2);
            liveItems = Arrays.copyOf(liveItems, capacity);
            archivedItems = Arrays.copyOf(archivedItems, capacity);
            agedItems = Arrays.copyOf(agedItems, capacity);
        }
    }
}
