package dev.headroom.model.sql;

import dev.headroom.engine.SimTime;
import dev.headroom.model.BackendModel;
import dev.headroom.model.Billing;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.QuotaCount;
import dev.headroom.model.latency.LatencyModel;
import java.math.BigInteger;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The plan's PostgreSQL option as a fast model: one ledger table, indexed by email and time, on
 * a single-AZ Amazon RDS instance. Each statement is one round trip whose latency comes from
 * the latency model; a {@code SUM} balance read grows with the user's rows. Rows and their
 * overhead fill the allocated storage, and once it is full every insert fails on
 * {@value #STORAGE}, as RDS stops writes on an instance whose storage is full.
 *
 * <p>Connections: the proxy runs on AWS Lambda with no pool in front of the database, so each
 * chat request holds one connection from {@link #startRequest} (before its balance read) to
 * {@link #endRequest} (after its usage row and any top-up are appended). The proxy's role can
 * hold {@code max_connections} less the reserved slots at once; a request that finds none free
 * fails on {@value #CONNECTIONS}, as the server answers {@code FATAL 53300: remaining
 * connection slots are reserved ...}, and makes no statement. A sign-up's own calls take no
 * slot, as they last only their round trips.
 *
 * <p>Hosting cost: the instance hours and the allocated storage, both billed by time whatever
 * the load, minus the free tier's instance hours and free storage before the free tier ends. A
 * month is one twelfth of a 365-day year and a GB is 2^30 bytes.
 *
 * <p>Leaves out: pooling (RDS Proxy, PgBouncer), connections that idle Lambda environments keep
 * open between requests, waiting or retrying for a free slot, CPU credits of the burstable
 * instance, storage autoscaling, dead tuples and vacuum, backups, I/O of gp3 beyond its
 * baseline, and data transfer. Not thread-safe.
 */
public final class PostgresModel implements BackendModel {

    /** The limit name of the allocated storage, in gauges and failed calls. */
    public static final String STORAGE = "allocated-storage";

    /**
     * The limit name of the connection slots the proxy's role can hold, in gauges and failed
     * requests.
     */
    public static final String CONNECTIONS = "connections";

    /** The hosting cost component of the instance hours. */
    public static final String INSTANCE_HOURS = "rds_instance";

    /** The hosting cost component of the allocated storage's GB-months. */
    public static final String STORAGE_GB_MONTHS = "rds_storage";

    private static final long MONTH = SimTime.YEAR / 12;

    private final PostgresParams params;
    private final LatencyModel latency;
    private final long startMillis;
    private final UserRows rows = new UserRows();
    private long storedBytes;
    private long rowsNotImported;
    private long connectionsInUse;
    /** The most connections in use at once since the last {@link #gauges()}. */
    private long peakConnections;

    /** Creates the model of an empty table on an instance that goes live at {@code startMillis}. */
    public PostgresModel(PostgresParams params, RandomGenerator random, long startMillis) {
        this.params = params;
        this.latency = new LatencyModel(params.latency(), random);
        this.startMillis = startMillis;
    }

    @Override
    public String name() {
        return "postgres";
    }

    /** Inserts the running-balance row, or makes no call when balances are sums of rows. */
    @Override
    public CallOutcome signUp(int user, String email, long now) {
        rows.ensure(user);
        if (params.balanceRead() == BalanceRead.SUM_ROWS) {
            return CallOutcome.NONE;
        }
        CallOutcome insert = CallOutcome.ok(latency.sampleMillis(1));
        return store(params.storedRowBytes()) ? insert : insert.failedOn(STORAGE);
    }

    @Override
    public CallOutcome signUpBeforeStart(int user, String email, int userRows) {
        rows.ensure(user);
        long bytes = Math.addExact(Math.multiplyExact((long) userRows, params.storedRowBytes()),
                balanceRowBytes());
        if (!store(bytes)) {
            return CallOutcome.NONE.failedOn(STORAGE);
        }
        rows.add(user, userRows);
        return CallOutcome.NONE;
    }

    /**
     * Copies as many of a user's rows from an earlier backend as fit in the allocated storage,
     * as a migration does, with no call. Under the running-balance design the user's balance row
     * is copied first.
     *
     * @return the rows copied
     */
    public long importRows(int user, long userRows) {
        if (userRows < 0) {
            throw new IllegalArgumentException("imported row count of user " + user + " is "
                    + userRows + "; it must be zero or more");
        }
        rows.ensure(user);
        long copied = 0;
        if (store(balanceRowBytes())) {
            long room = (params.capacityBytes() - storedBytes) / params.storedRowBytes();
            copied = Math.min(room, userRows);
            store(copied * params.storedRowBytes());
            rows.add(user, copied);
        }
        rowsNotImported += userRows - copied;
        return copied;
    }

    @Override
    public long rowsNotImported() {
        return rowsNotImported;
    }

    /** Sums the user's rows, or reads the user's running-balance row. */
    @Override
    public CallOutcome readBalance(int user, long now) {
        rows.ensure(user);
        long read = params.balanceRead() == BalanceRead.SUM_ROWS ? rows.of(user) : 1;
        return CallOutcome.ok(latency.sampleMillis(read));
    }

    /**
     * Makes the conditional statement of a rejected debit: one round trip whose condition on the
     * balance fails, so no row is inserted and no storage is used.
     */
    @Override
    public CallOutcome rejectedWrite(int user, long now) {
        rows.ensure(user);
        return CallOutcome.ok(latency.sampleMillis(1));
    }

    /**
     * Inserts one row, and under the running-balance design updates the balance row in the same
     * transaction, one round trip each. The insert fails when the storage is full.
     */
    @Override
    public CallOutcome appendRow(int user, long now) {
        rows.ensure(user);
        long latencyMillis = latency.sampleMillis(1);
        if (!store(params.storedRowBytes())) {
            return new CallOutcome(CallOutcome.Status.CAPACITY, 1, 0, latencyMillis, STORAGE);
        }
        rows.add(user, 1);
        if (params.balanceRead() == BalanceRead.SUM_ROWS) {
            return CallOutcome.ok(latencyMillis);
        }
        latencyMillis += latency.sampleMillis(1);
        return new CallOutcome(CallOutcome.Status.OK, 2, 0, latencyMillis, null);
    }

    /**
     * Opens the request's connection, or fails on {@value #CONNECTIONS} when every slot the
     * proxy's role can hold is in use. A refused request makes no statement.
     */
    @Override
    public CallOutcome startRequest(long now) {
        if (connectionsInUse >= params.usableConnections()) {
            return CallOutcome.NONE.failedOn(CONNECTIONS);
        }
        connectionsInUse++;
        peakConnections = Math.max(peakConnections, connectionsInUse);
        return CallOutcome.NONE;
    }

    /** Closes the connection of a request that {@link #startRequest} opened. */
    @Override
    public void endRequest(long now) {
        if (connectionsInUse == 0) {
            throw new IllegalStateException("a request ended at " + now + " ms with no"
                    + " connection open; end only requests that startRequest let go on");
        }
        connectionsInUse--;
    }

    /** Returns the connections that requests hold now. */
    public long connectionsInUse() {
        return connectionsInUse;
    }

    /** Returns the rows of {@code user} in the table. */
    public long rows(int user) {
        return rows.of(user);
    }

    /** Returns the bytes that rows and their overhead take in the allocated storage. */
    public long storedBytes() {
        return storedBytes;
    }

    /**
     * Returns the storage in use, and the most connections in use at once since the previous
     * call, against the slots the proxy's role can hold; the next period's peak starts from the
     * connections open now. The run calls it once at the end of each day, so the connection
     * gauge is the day's peak.
     */
    @Override
    public List<LimitGauge> gauges() {
        List<LimitGauge> gauges = List.of(
                new LimitGauge(STORAGE, "rds-instance", storedBytes, params.capacityBytes()),
                new LimitGauge(CONNECTIONS, "rds-instance", peakConnections,
                        params.usableConnections()));
        peakConnections = connectionsInUse;
        return gauges;
    }

    /** Returns no quota: the model throttles no call. */
    @Override
    public List<QuotaCount> throttlesByQuota() {
        return List.of();
    }

    /**
     * Returns the instance and storage bill for {@code [from, to)}, clipped to the time from
     * the model's start. Each component is billed as {@code floor(cumulative quantity x price)}
     * from the start, so consecutive intervals add up exactly to their union.
     */
    @Override
    public HostingCost hostingCost(long from, long to) {
        Billing.requireInterval(from, to);
        return bill(params, startMillis, to).minus(bill(params, startMillis, from));
    }

    /** Returns the total of {@link #bill} in micro-dollars. */
    public static long billMicros(PostgresParams params, long startMillis, long at) {
        return bill(params, startMillis, at).total();
    }

    /**
     * Returns the instance and storage bill of an instance provisioned at {@code startMillis},
     * from then to {@code at}. It depends on the time alone, not on the rows stored, so it also
     * prices an instance that waits for its migration to finish.
     */
    public static HostingCost bill(PostgresParams params, long startMillis, long at) {
        long end = Math.max(at, startMillis);
        long freeEnd = Math.max(startMillis, Math.min(end, params.freeTierEndMillis()));
        long billedInstanceMillis = end - freeEnd;
        long instance = Billing.productOver(billedInstanceMillis,
                params.instanceMicrosPerHour(), SimTime.HOUR);

        long freeGb = Math.min(params.freeStorageGb(), params.allocatedStorageGb());
        BigInteger gbMillis = BigInteger.valueOf(params.allocatedStorageGb())
                .multiply(BigInteger.valueOf(end - startMillis))
                .subtract(BigInteger.valueOf(freeGb)
                        .multiply(BigInteger.valueOf(freeEnd - startMillis)));
        long storage = gbMillis.multiply(BigInteger.valueOf(params.storageMicrosPerGbMonth()))
                .divide(BigInteger.valueOf(MONTH)).longValueExact();
        return HostingCost.of(INSTANCE_HOURS, instance).plus(STORAGE_GB_MONTHS, storage);
    }

    private long balanceRowBytes() {
        return params.balanceRead() == BalanceRead.RUNNING_BALANCE ? params.storedRowBytes() : 0;
    }

    /** Adds {@code bytes} to the storage if they fit, and returns whether they did. */
    private boolean store(long bytes) {
        if (bytes > params.capacityBytes() - storedBytes) {
            return false;
        }
        storedBytes += bytes;
        return true;
    }
}
