package dev.headroom.model.cache;

import dev.headroom.model.ArchiveCount;
import dev.headroom.model.BackendModel;
import dev.headroom.model.Billing;
import dev.headroom.model.CacheCount;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.QuotaCount;
import dev.headroom.model.latency.LatencyModel;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Redis balance cache in front of a ledger model, which stays the source of truth.
 *
 * <p>A balance read first looks up the user's entry in Redis (one round trip). A fresh entry
 * serves the read with no store call, so it uses no Sheets quota. Otherwise the read goes to
 * the store, and if it succeeds a second round trip stores the balance, fresh for the TTL from
 * the moment the store returned it. An append goes to the store, then one round trip changes the
 * entry: {@link WriteMode#INVALIDATE} deletes it; {@link WriteMode#UPDATE} writes the new
 * balance into a fresh entry and restarts its TTL, and cannot create a missing entry because
 * the proxy does not know the whole balance without a read. An append that the store failed
 * deletes the entry in both modes, because the proxy cannot tell whether the row landed.
 * Sign-ups, capacity gauges and throttles are the store's.
 *
 * <p>Hosting cost: the store's, plus every node's hours from {@code startMillis}, in exact
 * micro-dollars rounded down on the cumulative total, so that adjacent intervals add up.
 *
 * <p>Leaves out: Redis memory and eviction, node failures and failover, a read racing a write
 * (each call here is atomic at its start time), and network transfer. By estimate, an entry and
 * its email key take about 100 bytes, so even a 0.5 GiB cache.t3.micro stores millions. The
 * cache starts empty when the phase goes live. Not thread-safe.
 */
public final class RedisCacheModel implements BackendModel {

    /** The hosting cost component of the cache's node hours. */
    public static final String NODES = "redis_nodes";

    /** Expiry time of a user without an entry: never fresh. */
    private static final long NO_ENTRY = Long.MIN_VALUE;

    private final BackendModel store;
    private final RedisCacheParams params;
    private final LatencyModel latency;
    private final long startMillis;
    private long[] freshUntil = new long[0];
    private long hits;
    private long misses;

    /**
     * Creates an empty cache in front of {@code store}, live from {@code startMillis}, drawing
     * Redis round-trip latencies from {@code random}.
     */
    public RedisCacheModel(BackendModel store, RedisCacheParams params, RandomGenerator random,
            long startMillis) {
        this.store = store;
        this.params = params;
        this.latency = new LatencyModel(params.latency(), random);
        this.startMillis = startMillis;
    }

    /** Returns the model the cache sits in front of. */
    public BackendModel store() {
        return store;
    }

    @Override
    public String name() {
        return store.name() + " + redis-cache";
    }

    @Override
    public CallOutcome signUp(int user, String email, long now) {
        return store.signUp(user, email, now);
    }

    @Override
    public CallOutcome signUpBeforeStart(int user, String email, int rows) {
        return store.signUpBeforeStart(user, email, rows);
    }

    /** Serves the read from a fresh entry, or reads the store and caches what it returns. */
    @Override
    public CallOutcome readBalance(int user, long now) {
        ensureUser(user);
        long lookupMillis = latency.sampleMillis(0);
        if (freshUntil[user] > now) {
            hits++;
            return new CallOutcome(CallOutcome.Status.OK, 0, 0, lookupMillis, null);
        }
        misses++;
        CallOutcome read = store.readBalance(user, now + lookupMillis);
        if (!read.succeeded()) {
            return plusLatency(read, lookupMillis);
        }
        long answeredAt = now + lookupMillis + read.latencyMillis();
        freshUntil[user] = answeredAt + params.ttlMillis();
        return plusLatency(read, lookupMillis + latency.sampleMillis(0));
    }

    /**
     * Makes the store's write call of a rejected debit. The balance is unchanged, so the user's
     * entry stays as it is and Redis gets no call.
     */
    @Override
    public CallOutcome rejectedWrite(int user, long now) {
        return store.rejectedWrite(user, now);
    }

    /** Appends the row to the store, then invalidates or updates the user's entry. */
    @Override
    public CallOutcome appendRow(int user, long now) {
        ensureUser(user);
        CallOutcome append = store.appendRow(user, now);
        long storedAt = now + append.latencyMillis();
        boolean keepFresh = params.onWrite() == WriteMode.UPDATE && append.succeeded()
                && freshUntil[user] > storedAt;
        freshUntil[user] = keepFresh ? storedAt + params.ttlMillis() : NO_ENTRY;
        return plusLatency(append, latency.sampleMillis(0));
    }

    /** Starts the request on the store: Redis takes no resource of its own per request. */
    @Override
    public CallOutcome startRequest(long now) {
        return store.startRequest(now);
    }

    @Override
    public void endRequest(long now) {
        store.endRequest(now);
    }

    @Override
    public List<LimitGauge> gauges() {
        return store.gauges();
    }

    @Override
    public List<QuotaCount> throttlesByQuota() {
        return store.throttlesByQuota();
    }

    @Override
    public CacheCount cacheCount() {
        return new CacheCount(hits, misses);
    }

    @Override
    public long nextJobCallMillis(long now) {
        return store.nextJobCallMillis(now);
    }

    @Override
    public long runJobCall(long now) {
        return store.runJobCall(now);
    }

    @Override
    public ArchiveCount archiveCount() {
        return store.archiveCount();
    }

    @Override
    public long rowsNotImported() {
        return store.rowsNotImported();
    }

    /** Returns the store's cost plus the node hours in {@code [from, to)}. */
    @Override
    public HostingCost hostingCost(long from, long to) {
        Billing.requireInterval(from, to);
        long nodes = nodeMicrosUpTo(to) - nodeMicrosUpTo(from);
        return store.hostingCost(from, to).plus(NODES, nodes);
    }

    private long nodeMicrosUpTo(long at) {
        return params.nodeMicros(startMillis, at);
    }

    private static CallOutcome plusLatency(CallOutcome outcome, long millis) {
        return new CallOutcome(outcome.status(), outcome.requests(), outcome.throttles(),
                outcome.latencyMillis() + millis, outcome.limit());
    }

    private void ensureUser(int user) {
        if (user < 0) {
            throw new IllegalArgumentException("user index " + user + " is negative");
        }
        if (user < freshUntil.length) {
            return;
        }
        int oldLength = freshUntil.length;
        freshUntil = Arrays.copyOf(freshUntil, Math.max(user + 1, Math.max(64, oldLength * 2)));
        Arrays.fill(freshUntil, oldLength, freshUntil.length, NO_ENTRY);
    }
}
