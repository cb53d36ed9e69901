package dev.headroom.model.sql;

import dev.headroom.engine.SimTime;
import dev.headroom.model.BackendModel;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.QuotaCount;
import dev.headroom.model.latency.LatencyModel;
import java.math.BigInteger;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The plan's SQLite on EFS option as a fast model: one database file on Amazon EFS, opened by
 * every proxy instance, with one ledger table indexed by email and time.
 *
 * <p>The write lock is one server. A write that arrives at {@code now} starts at
 * {@code max(now, lockFreeAt)} and holds the lock for its sampled latency. If it would wait
 * longer than the busy timeout, the attempt fails as {@value #BUSY} after waiting the timeout,
 * is counted as a throttled attempt, and is retried at once, up to the retry cap; a call whose
 * retries run out fails with status {@code THROTTLED}. A balance read waits for the lock in the
 * same way but does not hold it, as a reader waits for a writer's exclusive lock in rollback
 * journal mode. The model assumes that mode because WAL mode needs shared memory, which a
 * network file system cannot give.
 * Latencies include the waits.
 *
 * <p>Hosting cost: EFS storage of the rows and their overhead, billed by GB-month, and the bytes
 * read and written, billed by GB under Elastic Throughput. A balance sum reads the user's rows
 * rounded up to whole pages, a running-balance read the pages of one row. Each row written
 * costs its own pages and one index page, each also copied to the rollback journal: 4 pages
 * for a row that fits in one. Elastic Throughput meters each data operation as at least
 * 32 KiB, and above that in whole KiB, so a small read or write costs more than its bytes.
 * A read is one operation. A row written is three: the journal copy, the row's pages and the
 * index page, which lie apart in the file. A month is one twelfth of a 365-day year and a GB
 * is 2^30 bytes.
 *
 * <p>NOTE: the pages per balance sum assume a user's rows lie together. Rows appended over time
 * by many users interleave, so a sum may touch a page per row and read several times more.
 *
 * <p>Leaves out: readers' shared locks delaying writers, EFS's per-file lock and throughput
 * limits, the Lambda VPC cold start, free space in pages, and backups. Calls are served in
 * the order they are made, so a write made later in simulated time never overtakes the lock
 * before one already queued. Not thread-safe.
 */
public final class SqliteEfsModel implements BackendModel {

    /** The name of a failed wait for the write lock, SQLite's result code for it. */
    public static final String BUSY = "SQLITE_BUSY";

    /** The hosting cost component of the EFS storage's GB-months. */
    public static final String STORAGE = "efs_storage";

    /** The hosting cost component of the bytes that Elastic Throughput read. */
    public static final String READ_THROUGHPUT = "efs_read_throughput";

    /** The hosting cost component of the bytes that Elastic Throughput wrote. */
    public static final String WRITE_THROUGHPUT = "efs_write_throughput";


    /**
     * Smallest size that Elastic Throughput meters for one data read or write, 32 KiB. Larger
     * operations are metered in 1 KiB increments. Source: AWS re:Post, "How do I estimate
     * Elastic Throughput mode costs for Amazon EFS?",
     * https://repost.aws/articles/ARLxw4PqmeQK6VVrpGL4-jzA (read 2026-12-06).
     */
    public static final long MIN_METERED_OPERATION_BYTES = 32 * 1_024;

    private static final long METERED_INCREMENT_BYTES = 1_024;

    private static final BigInteger GB = BigInteger.ONE.shiftLeft(30);
    private static final BigInteger GB_MONTH_BYTE_MILLIS =
            GB.multiply(BigInteger.valueOf(SimTime.YEAR / 12));

    private final SqliteEfsParams params;
    private final LatencyModel latency;
    private final UserRows rows = new UserRows();
    private long lockFreeAt;
    private long busyAttempts;
    private long storedBytes;
    private long storageMillis;
    private BigInteger storedByteMillis = BigInteger.ZERO;
    private final ByteCount bytesRead = new ByteCount();
    private final ByteCount bytesWritten = new ByteCount();
    private long billedTo;
    private HostingCost billed = HostingCost.NONE;

    /** Creates the model of an empty database that goes live at {@code startMillis}. */
    public SqliteEfsModel(SqliteEfsParams params, RandomGenerator random, long startMillis) {
        this.params = params;
        this.latency = new LatencyModel(params.latency(), random);
        this.storageMillis = startMillis;
        this.billedTo = startMillis;
        this.lockFreeAt = startMillis;
    }

    @Override
    public String name() {
        return "sqlite-efs";
    }

    /** Inserts the running-balance row, or makes no call when balances are sums of rows. */
    @Override
    public CallOutcome signUp(int user, String email, long now) {
        rows.ensure(user);
        if (params.balanceRead() == BalanceRead.SUM_ROWS) {
            return CallOutcome.NONE;
        }
        CallOutcome insert = underLock(now, 1, 1, true);
        if (insert.succeeded()) {
            storeRows(now, 1);
            bytesWritten.add(rowWriteBytes());
        }
        return insert;
    }

    /** Stores the user's rows as written before the run: they take storage but cost no write. */
    @Override
    public CallOutcome signUpBeforeStart(int user, String email, int userRows) {
        rows.ensure(user);
        storeRows(storageMillis, userRows + balanceRows());
        rows.add(user, userRows);
        return CallOutcome.NONE;
    }

    /**
     * Copies a user's rows from an earlier backend at {@code now}, as a migration does, with no
     * call and no wait for the lock. Under the running-balance design the user's balance row is
     * copied too. The copy is billed as the rows' bytes written once: it writes in large
     * sequential operations, which the 32 KiB metering minimum does not raise.
     */
    public void importRows(int user, long userRows, long now) {
        if (userRows < 0) {
            throw new IllegalArgumentException("imported row count of user " + user + " is "
                    + userRows + "; it must be zero or more");
        }
        rows.ensure(user);
        long stored = userRows + balanceRows();
        storeRows(now, stored);
        bytesWritten.add(Math.multiplyExact(stored, params.storedRowBytes()));
        rows.add(user, userRows);
    }

    /** Sums the user's rows, or reads the user's running-balance row, after any writer. */
    @Override
    public CallOutcome readBalance(int user, long now) {
        rows.ensure(user);
        boolean sum = params.balanceRead() == BalanceRead.SUM_ROWS;
        CallOutcome read = underLock(now, sum ? rows.of(user) : 1, 1, false);
        if (read.succeeded()) {
            long rowBytes = sum
                    ? Math.multiplyExact(rows.of(user), params.storedRowBytes())
                    : params.storedRowBytes();
            bytesRead.add(meteredBytes(Math.multiplyExact(pagesOf(rowBytes),
                    params.pageBytes())));
        }
        return read;
    }

    /**
     * Makes the transaction of a rejected debit: it takes the write lock for one statement whose
     * condition on the balance fails, so no page is written and the file does not grow.
     */
    @Override
    public CallOutcome rejectedWrite(int user, long now) {
        rows.ensure(user);
        return underLock(now, 1, 1, true);
    }

    /**
     * Inserts one row, and under the running-balance design updates the balance row in the same
     * transaction, holding the write lock for both statements.
     */
    @Override
    public CallOutcome appendRow(int user, long now) {
        rows.ensure(user);
        int statements = params.balanceRead() == BalanceRead.RUNNING_BALANCE ? 2 : 1;
        CallOutcome append = underLock(now, 1, statements, true);
        if (append.succeeded()) {
            storeRows(now, 1);
            rows.add(user, 1);
            bytesWritten.add(Math.multiplyExact(statements, rowWriteBytes()));
        }
        return append;
    }

    /** Returns the rows of {@code user} in the database. */
    public long rows(int user) {
        return rows.of(user);
    }

    /** Returns the bytes read and written so far, as Elastic Throughput meters them. */
    public BigInteger[] bytesReadAndWritten() {
        return new BigInteger[] {bytesRead.total(), bytesWritten.total()};
    }

    /** Returns the time at which the write lock is next free. */
    public long lockFreeAt() {
        return lockFreeAt;
    }

    @Override
    public List<LimitGauge> gauges() {
        return List.of(new LimitGauge("efs-bytes", "sqlite-file", storedBytes, Long.MAX_VALUE));
    }

    /** Returns the attempts that failed as {@value #BUSY}. */
    @Override
    public List<QuotaCount> throttlesByQuota() {
        return List.of(new QuotaCount(BUSY, busyAttempts));
    }

    /**
     * Returns the bill for {@code [from, to)}: storage to {@code to}, and the bytes read and
     * written by calls made since the previous interval. Each {@code from} must be the model's
     * start or the {@code to} of the previous call, so the intervals add up exactly.
     */
    @Override
    public HostingCost hostingCost(long from, long to) {
        if (from != billedTo || to < from) {
            throw new IllegalArgumentException("cost interval [" + from + ", " + to + ") ms"
                    + " does not follow the previous one, which ended at " + billedTo
                    + " ms; ask for consecutive intervals");
        }
        advanceStorage(to);
        long storage = storedByteMillis.multiply(BigInteger.valueOf(
                params.storageMicrosPerGbMonth())).divide(GB_MONTH_BYTE_MILLIS).longValueExact();
        long reads = perGb(bytesRead.total(), params.readMicrosPerGb());
        long writes = perGb(bytesWritten.total(), params.writeMicrosPerGb());
        HostingCost cumulative = HostingCost.of(STORAGE, storage).plus(READ_THROUGHPUT, reads)
                .plus(WRITE_THROUGHPUT, writes);
        HostingCost cost = cumulative.minus(billed);
        billed = cumulative;
        billedTo = to;
        return cost;
    }

    /**
     * Makes a transaction of {@code statements} statements, each touching {@code latencyRows}
     * rows, at {@code now}: it waits for the write lock and, when {@code holdsLock}, holds it
     * for the statements' summed latency.
     */
    private CallOutcome underLock(long now, long latencyRows, int statements,
            boolean holdsLock) {
        long time = now;
        int retries = 0;
        while (lockFreeAt - time > params.busyTimeoutMillis()) {
            busyAttempts++;
            time += params.busyTimeoutMillis();
            if (retries == params.maxRetries()) {
                return new CallOutcome(CallOutcome.Status.THROTTLED, retries + 1, retries + 1,
                        time - now, BUSY);
            }
            retries++;
        }
        long start = Math.max(time, lockFreeAt);
        long end = start;
        for (int statement = 0; statement < statements; statement++) {
            end += latency.sampleMillis(latencyRows);
        }
        if (holdsLock) {
            lockFreeAt = end;
        }
        return new CallOutcome(CallOutcome.Status.OK, retries + 1, retries, end - now, null);
    }

    private static long perGb(BigInteger bytes, long microsPerGb) {
        return bytes.multiply(BigInteger.valueOf(microsPerGb)).divide(GB).longValueExact();
    }

    /** Returns the pages that {@code bytes} take, at least one. */
    private long pagesOf(long bytes) {
        return Math.max(1, (bytes - 1) / params.pageBytes() + 1);
    }

    /**
     * Returns the metered bytes of writing one row: its pages and one index page. They are
     * first copied to the rollback journal in one operation. They are then written to the file
     * in two, because the row and its index entry lie on pages apart. NOTE: an estimate of
     * SQLite's I/O over NFS.
     */
    private long rowWriteBytes() {
        long rowPages = pagesOf(params.storedRowBytes()) * params.pageBytes();
        long journal = rowPages + params.pageBytes();
        return meteredBytes(journal) + meteredBytes(rowPages) + meteredBytes(params.pageBytes());
    }

    /**
     * Returns the bytes that Elastic Throughput bills for one data operation of {@code bytes}:
     * at least {@value #MIN_METERED_OPERATION_BYTES}, and above that rounded up to whole KiB.
     */
    static long meteredBytes(long bytes) {
        long increments = (bytes + METERED_INCREMENT_BYTES - 1) / METERED_INCREMENT_BYTES;
        return Math.max(MIN_METERED_OPERATION_BYTES, increments * METERED_INCREMENT_BYTES);
    }

    private long balanceRows() {
        return params.balanceRead() == BalanceRead.RUNNING_BALANCE ? 1 : 0;
    }

    /**
     * A count of bytes that cannot overflow: a {@code long} for the common case, carried into a
     * {@link BigInteger} when it would.
     */
    private static final class ByteCount {
        private long recent;
        private BigInteger carried = BigInteger.ZERO;

        void add(long bytes) {
            if (bytes > Long.MAX_VALUE - recent) {
                carried = carried.add(BigInteger.valueOf(recent));
                recent = 0;
            }
            recent += bytes;
        }

        BigInteger total() {
            return carried.add(BigInteger.valueOf(recent));
        }
    }

    private void storeRows(long now, long count) {
        advanceStorage(now);
        storedBytes = Math.addExact(storedBytes, Math.multiplyExact(count,
                params.storedRowBytes()));
    }

    private void advanceStorage(long now) {
        if (now <= storageMillis) {
            return;
        }
        storedByteMillis = storedByteMillis.add(BigInteger.valueOf(storedBytes)
                .multiply(BigInteger.valueOf(now - storageMillis)));
        storageMillis = now;
    }
}
