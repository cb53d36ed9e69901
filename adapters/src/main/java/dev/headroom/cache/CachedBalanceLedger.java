package dev.headroom.cache;

import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.ClosedGuard;
import dev.headroom.ledger.LedgerArguments;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.metrics.AdapterMetrics;
import dev.headroom.metrics.MetricsRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link UsageLedger} decorator that caches balances in Redis with a TTL. Thread-safe when the
 * delegate is. Writes, admissions, listings and user counts go to the delegate unchanged, and
 * admission keeps the delegate's {@link AdmissionGuarantee}.
 *
 * <p>Each write or admission sets the user's generation key to a new random value and deletes
 * the cached balance in one Lua script, after the delegate call returns or fails. A balance read
 * that misses reads the generation first, then the delegate, and stores the balance only if the
 * generation is unchanged, so a read that overlaps a write never caches the balance from before
 * it. A user without a generation gets a new random one before the delegate is read, because
 * a missing key is a state that a loss of keys brings back. The values are random rather than
 * a counter. A counter starts again at 1 when Redis loses its keys, as after a restart without
 * persistence, a failover to a replica that missed the write, or an eviction. A read from
 * before the loss would then find its generation again and cache a balance that the write
 * changed. Generation keys have no TTL: one small key per user whose balance was read or
 * written through the cache.
 *
 * <p>NOTE: this holds only when the delegate's reads see every committed write. A Sheets
 * ledger's balance comes from its own per-process copy of the tab, so another process can fill
 * the cache with a balance that misses a write for up to the TTL.
 *
 * <p>Writes that bypass this decorator are seen only after the TTL expires. When Redis fails,
 * reads fall back to the delegate, and an invalidation that fails leaves a stale balance for at
 * most the TTL. Both are logged at the first failure and then about once per 100 failures, and
 * the first successful invalidation after failures is logged too ({@link InvalidationFailureLog}).
 */
public final class CachedBalanceLedger implements UsageLedger {

    private static final Logger LOG = LoggerFactory.getLogger(CachedBalanceLedger.class);

    /**
     * Sets the generation (KEYS[1]) to the new value ARGV[1], which no earlier write used, and
     * deletes the cached balance (KEYS[2]).
     */
    private static final String INVALIDATE = "redis.call('SET', KEYS[1], ARGV[1]) "
            + "redis.call('DEL', KEYS[2]) return 1";

    /**
     * Returns the generation KEYS[1], first setting it to the new value ARGV[1] if it is
     * missing, so that a read always compares a random value that a loss of keys cannot bring
     * back.
     */
    private static final String CLAIM_GENERATION = "local current = redis.call('GET', KEYS[1]) "
            + "if current == false then redis.call('SET', KEYS[1], ARGV[1]) return ARGV[1] end "
            + "return current";

    /**
     * Stores the balance ARGV[2] in KEYS[2] for ARGV[3] ms if the generation KEYS[1] still
     * equals ARGV[1].
     */
    private static final String FILL_IF_UNCHANGED = "if redis.call('GET', KEYS[1]) == ARGV[1] "
            + "then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) return 1 end "
            + "return 0";

    /**
     * Maximum wait for a free pooled connection in a client that {@link #open} creates, equal to
     * Jedis's default socket timeout. Jedis's pool waits forever by default, so when Redis stops
     * replying, callers would queue behind the pooled connections, each held until its socket
     * timeout. A caller that waits this long falls back to the ledger.
     */
    static final Duration POOL_MAX_WAIT = Duration.ofMillis(Protocol.DEFAULT_TIMEOUT);

    /** Maximum seconds that {@link #close()} waits for the calls in flight to finish. */
    static final int CLOSE_WAIT_SECONDS = 10;

    private final ClosedGuard guard = new ClosedGuard("cached ledger");
    private final UsageLedger delegate;
    private final UnifiedJedis redis;
    private final ClientOwnership ownership;
    private final CacheSettings settings;
    private final MetricsRecorder redisMetrics = new MetricsRecorder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** Failed Redis calls; each failure reads its own count, so exactly one logs the first. */
    private final AtomicLong redisFailures = new AtomicLong();
    private final InvalidationFailureLog invalidationFailures;

    /** Whether {@link #close()} closes the Redis client. */
    private enum ClientOwnership {
        OWNED,
        BORROWED
    }

    private CachedBalanceLedger(UsageLedger delegate, UnifiedJedis redis,
            ClientOwnership ownership, CacheSettings settings) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.ownership = ownership;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.invalidationFailures = new InvalidationFailureLog(LOG, System::nanoTime,
                settings.ttl());
    }

    /**
     * Wraps {@code delegate} with a cache in a Redis client that the caller owns and closes.
     * {@link #close()} closes the delegate.
     */
    public static CachedBalanceLedger wrap(UsageLedger delegate, UnifiedJedis redis,
            CacheSettings settings) {
        return new CachedBalanceLedger(delegate, redis, ClientOwnership.BORROWED, settings);
    }

    /**
     * Wraps {@code delegate} with a cache in the Redis server at {@code host:port}, such as
     * 127.0.0.1:6379. {@link #close()} closes the delegate and the Redis client.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the host is blank or the port is not from 1 to 65535
     */
    public static CachedBalanceLedger open(UsageLedger delegate, String host, int port,
            CacheSettings settings) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(host, "host is missing; pass the Redis server's host name or IP");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank; pass the Redis server's host name"
                    + " or IP");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port is " + port + "; it must be from 1 to 65535");
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxWait(POOL_MAX_WAIT);
        RedisClient client = RedisClient.builder().hostAndPort(host, port).poolConfig(pool)
                .build();
        LOG.info("Balance cache on Redis at {}:{} with a TTL of {} ms", host, port,
                settings.ttl().toMillis());
        return new CachedBalanceLedger(delegate, client, ClientOwnership.OWNED, settings);
    }

    @Override
    public RecordOutcome record(Transaction transaction) {
        LedgerArguments.requireTransaction(transaction);
        guard.beginCall();
        try {
            return delegate.record(transaction);
        } finally {
            try {
                invalidate(transaction.userEmail(), transaction.transactionId());
            } finally {
                guard.endCall();
            }
        }
    }

    @Override
    public AdmissionOutcome admit(Transaction usage) {
        LedgerArguments.requireUsage(usage);
        guard.beginCall();
        try {
            return delegate.admit(usage);
        } finally {
            try {
                invalidate(usage.userEmail(), usage.transactionId());
            } finally {
                guard.endCall();
            }
        }
    }

    /** Returns the cached balance, or reads the delegate and caches its balance for the TTL. */
    @Override
    public long balanceMicros(String userEmail) {
        LedgerArguments.requireEmail(userEmail);
        guard.beginCall();
        try {
            return cachedBalance(userEmail);
        } finally {
            guard.endCall();
        }
    }

    private long cachedBalance(String userEmail) {
        BalanceKeys keys = BalanceKeys.of(settings.keyPrefix(), userEmail);
        List<String> cached = redisCall("read", userEmail,
                () -> redis.mget(keys.balance(), keys.generation()));
        if (cached != null && cached.get(0) != null) {
            hits.increment();
            return Long.parseLong(cached.get(0));
        }
        misses.increment();
        String generation = cached == null ? null : cached.get(1);
        if (cached != null && generation == null) {
            Object claimed = redisCall("claim", userEmail, () -> redis.eval(CLAIM_GENERATION,
                    List.of(keys.generation()), List.of(UUID.randomUUID().toString())));
            generation = claimed == null ? null : claimed.toString();
        }
        long balance = delegate.balanceMicros(userEmail);
        if (generation != null) {
            String readGeneration = generation;
            redisCall("fill", userEmail, () -> redis.eval(FILL_IF_UNCHANGED,
                    List.of(keys.generation(), keys.balance()),
                    List.of(readGeneration, Long.toString(balance),
                            Long.toString(settings.ttl().toMillis()))));
        }
        return balance;
    }

    @Override
    public List<Transaction> transactions(String userEmail, Instant from, Instant to) {
        guard.requireOpen();
        return delegate.transactions(userEmail, from, to);
    }

    @Override
    public long countUsers() {
        guard.requireOpen();
        return delegate.countUsers();
    }

    @Override
    public AdmissionGuarantee admissionGuarantee() {
        return delegate.admissionGuarantee();
    }

    /** Returns the delegate's store metrics; Redis calls are in {@link #redisMetrics()}. */
    @Override
    public AdapterMetrics metrics() {
        return delegate.metrics();
    }

    /** Returns the counters of calls to Redis: calls, bytes of cached values, latency. */
    public AdapterMetrics redisMetrics() {
        return redisMetrics;
    }

    /** Returns the TTL and key prefix of this cache. */
    public CacheSettings settings() {
        return settings;
    }

    /** Returns how many balance reads were served from Redis. */
    public long hits() {
        return hits.sum();
    }

    /** Returns how many balance reads went to the delegate. */
    public long misses() {
        return misses.sum();
    }

    /**
     * Rejects new calls and waits up to {@value #CLOSE_WAIT_SECONDS} s for the calls in flight,
     * so that each write in flight still invalidates its user's keys. Then closes the delegate,
     * and the Redis client if {@link #open} created it.
     */
    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        guard.drainCalls(Duration.ofSeconds(CLOSE_WAIT_SECONDS),
                "key prefix '" + settings.keyPrefix() + "'", "their invalidations may fail");
        try {
            delegate.close();
        } finally {
            if (ownership == ClientOwnership.OWNED) {
                redis.close();
            }
            LOG.info("Closed the balance cache with key prefix '{}' after {} hits, {} misses and"
                    + " {} Redis failures", settings.keyPrefix(), hits.sum(), misses.sum(),
                    redisFailures.get());
        }
    }

    private void invalidate(String userEmail, String transactionId) {
        BalanceKeys keys = BalanceKeys.of(settings.keyPrefix(), userEmail);
        String generation = UUID.randomUUID().toString();
        Object done = redisCall("invalidate", userEmail + " after " + transactionId,
                () -> redis.eval(INVALIDATE, List.of(keys.generation(), keys.balance()),
                        List.of(generation)));
        if (done == null) {
            invalidationFailures.failed(userEmail, transactionId);
        } else {
            invalidationFailures.succeeded();
        }
    }

    /**
     * Makes one Redis call and records it; returns null when Redis fails, after logging the
     * first failure and every 100th after it.
     */
    private <T> T redisCall(String operation, String id, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            T result = call.get();
            redisMetrics.recordCall(payloadBytes(result), (System.nanoTime() - start) / 1_000);
            return result;
        } catch (JedisException e) {
            redisMetrics.recordCall(0, (System.nanoTime() - start) / 1_000);
            long failures = redisFailures.incrementAndGet();
            if (failures == 1 || failures % 100 == 0) {
                LOG.warn("Redis {} for {} failed ({} Redis failures so far); using the ledger"
                        + " instead: {}", operation, id, failures, e.toString());
            }
            return null;
        }
    }

    private static long payloadBytes(Object result) {
        if (result instanceof List<?> values) {
            long bytes = 0;
            for (Object value : values) {
                bytes += value == null ? 0 : value.toString().length();
            }
            return bytes;
        }
        return result == null ? 0 : result.toString().length();
    }
}
