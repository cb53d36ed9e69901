package dev.headroom.run;

import dev.headroom.engine.SimTime;
import dev.headroom.model.ArchiveCount;
import dev.headroom.model.BackendModel;
import dev.headroom.model.CacheCount;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.QuotaCount;
import dev.headroom.model.sheets.SheetsArchiveModel;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what happens during the current simulated day and closes it into a {@link DayRecord}.
 * Not thread-safe.
 */
final class DailyMetrics {

    private final LatencyHistogram latencies = new LatencyHistogram();
    private final Map<String, Long> throttleBaseline = new HashMap<>();
    private final TreeMap<String, Long> throttlesByQuota = new TreeMap<>();
    private final TreeMap<String, Long> failuresByLimit = new TreeMap<>();

    private long signUps;
    private long failedSignUps;
    private long requests;
    private long admitted;
    private long rejectedForCredit;
    private TopUps topUps = TopUps.NONE;
    private long failedRequests;
    private long lastFailureMillis = -1;
    private long cacheHits;
    private CacheCount redisBaseline = CacheCount.NONE;
    private long redisHits;
    private long redisMisses;
    private ArchiveCount archiveBaseline = ArchiveCount.NONE;
    private ArchiveCount archiveDay = ArchiveCount.NONE;
    private long readRequests;
    private long writeRequests;
    private long signUpRequests;
    private HostingCost hostingCost = HostingCost.NONE;
    private long overspendMicros;
    private BilledUsage usage = BilledUsage.NONE;

    /** Counts a sign-up at {@code now} and its calls, and returns whether it succeeded. */
    boolean signUp(CallOutcome outcome, long now) {
        signUps++;
        signUpRequests += outcome.requests();
        latencies.record(outcome.latencyMillis());
        if (!outcome.succeeded()) {
            failedSignUps++;
            lastFailureMillis = now;
            countFailure(outcome);
        }
        return outcome.succeeded();
    }

    /**
     * Counts as failed, at {@code now}, a sign-up whose calls succeeded but whose initial credit
     * was not stored.
     */
    void signUpAbandoned(long now) {
        failedSignUps++;
        lastFailureMillis = now;
    }

    void requestArrived() {
        requests++;
    }

    /**
     * Returns whether the backend let a request start. When it rejected the request, counts the
     * request as failed at {@code now} on the limit that rejected it.
     */
    boolean requestStarted(CallOutcome outcome, long now) {
        if (!outcome.succeeded()) {
            countFailure(outcome);
            requestFailed(now);
        }
        return outcome.succeeded();
    }

    void cacheHit() {
        cacheHits++;
    }

    /** Counts a balance read and its calls; returns whether it succeeded. */
    boolean balanceRead(CallOutcome outcome) {
        readRequests += outcome.requests();
        return countCall(outcome);
    }

    /** Counts a row append and its calls; returns whether it succeeded. */
    boolean rowAppended(CallOutcome outcome) {
        writeRequests += outcome.requests();
        return countCall(outcome);
    }

    void admitted() {
        admitted++;
    }

    void rejectedForCredit() {
        rejectedForCredit++;
    }

    /**
     * Counts a top-up of {@code amountMicros}: bought when the ledger stored its row, otherwise a
     * failed attempt.
     */
    void topUp(boolean stored, long amountMicros) {
        topUps = stored ? topUps.plusBought(amountMicros) : topUps.plusFailed();
    }

    /** Counts a request that failed at {@code now}. */
    void requestFailed(long now) {
        failedRequests++;
        lastFailureMillis = now;
    }

    void usageBilled(long tokensIn, long tokensOut, long micros) {
        usage = usage.plus(tokensIn, tokensOut, micros);
    }

    void overspend(long micros) {
        overspendMicros += micros;
    }

    void hostingCost(HostingCost cost) {
        hostingCost = hostingCost.plus(cost);
    }

    /**
     * Adds the throttles a backend counted since the last collection, by quota. Call it at the end
     * of each day and before the backend is replaced.
     */
    void collectThrottles(BackendModel backend) {
        for (QuotaCount count : backend.throttlesByQuota()) {
            long previous = throttleBaseline.getOrDefault(count.quota(), 0L);
            throttlesByQuota.merge(count.quota(), count.throttles() - previous, Long::sum);
            throttleBaseline.put(count.quota(), count.throttles());
        }
    }

    /**
     * Adds the Redis cache hits and misses a backend counted since the last collection. Call it
     * at the end of each day and before the backend is replaced.
     */
    void collectCacheCount(BackendModel backend) {
        CacheCount count = backend.cacheCount();
        redisHits += count.hits() - redisBaseline.hits();
        redisMisses += count.misses() - redisBaseline.misses();
        redisBaseline = count;
    }

    /**
     * Adds the archive job's calls, throttles and busy time, and the users' attempts throttled
     * while it ran, since the last collection. Job calls that failed on the archive workbook's
     * cell limit also count as the day's failures of that limit, so the limit binds. Call it at
     * the end of each day and before the backend is replaced.
     */
    void collectArchiveCount(BackendModel backend) {
        ArchiveCount count = backend.archiveCount();
        ArchiveCount change = count.minus(archiveBaseline);
        archiveDay = archiveDay.plus(change);
        archiveBaseline = count;
        if (change.cellLimitFailures() > 0) {
            failuresByLimit.merge(SheetsArchiveModel.ARCHIVE_CELLS, change.cellLimitFailures(),
                    Long::sum);
        }
    }

    /**
     * Forgets the throttle, cache and archive counts of the replaced backend, whose successor
     * counts from zero.
     */
    void backendReplaced() {
        throttleBaseline.clear();
        redisBaseline = CacheCount.NONE;
        archiveBaseline = ArchiveCount.NONE;
    }

    /** Returns the day's 95th-percentile latency so far, in milliseconds. */
    long latencyP95Millis() {
        return latencies.percentile(0.95);
    }

    /**
     * Closes the day, or the part of it that one phase served, into a record and starts counting
     * from zero.
     */
    DayRecord close(int day, LocalDate date, long fromMillis, String phase, String migratingTo,
            long users, List<LimitGauge> gauges) {
        DayRecord record = new DayRecord(day, date, fromMillis, phase, migratingTo, users,
                signUps, failedSignUps, requests, admitted, rejectedForCredit, topUps,
                failedRequests, lastFailureMillis < 0 ? -1 : lastFailureMillis % SimTime.DAY,
                cacheHits, redisHits, redisMisses, archiveDay, readRequests, writeRequests,
                signUpRequests, throttlesByQuota, failuresByLimit,
                latencies.percentile(0.5), latencies.percentile(0.95), hostingCost,
                overspendMicros, usage, gauges);
        reset();
        return record;
    }

    private boolean countCall(CallOutcome outcome) {
        latencies.record(outcome.latencyMillis());
        if (!outcome.succeeded()) {
            countFailure(outcome);
        }
        return outcome.succeeded();
    }

    private void countFailure(CallOutcome outcome) {
        String limit = outcome.limit() != null
                ? outcome.limit()
                : outcome.status().name().toLowerCase(Locale.ROOT);
        failuresByLimit.merge(limit, 1L, Long::sum);
    }

    private void reset() {
        latencies.clear();
        throttlesByQuota.clear();
        failuresByLimit.clear();
        signUps = 0;
        failedSignUps = 0;
        requests = 0;
        admitted = 0;
        rejectedForCredit = 0;
        topUps = TopUps.NONE;
        failedRequests = 0;
        lastFailureMillis = -1;
        cacheHits = 0;
        redisHits = 0;
        redisMisses = 0;
        archiveDay = ArchiveCount.NONE;
        readRequests = 0;
        writeRequests = 0;
        signUpRequests = 0;
        hostingCost = HostingCost.NONE;
        overspendMicros = 0;
        usage = BilledUsage.NONE;
    }
}
