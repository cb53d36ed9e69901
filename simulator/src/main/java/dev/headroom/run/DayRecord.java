package dev.headroom.run;

import dev.headroom.model.ArchiveCount;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The metrics of one simulated day, or of the part of it that one phase served, as the run
 * collected them. A phase that goes live after midnight splits its go-live day in two records:
 * the old phase's up to that moment, and the new phase's from it. Every count below covers the
 * record's part of the day only.
 *
 * @param day the zero-based day index
 * @param date the calendar date of that day
 * @param fromMillis when the record's part of the day starts, in milliseconds after midnight:
 *     0, or the moment a phase went live
 * @param phase the name of the phase serving in the record's part of the day
 * @param migratingTo the name of the phase being migrated to at the start of that part, or an
 *     empty string
 * @param users users placed at the end of the record's part of the day, failed sign-ups
 *     excluded
 * @param signUps sign-ups attempted during the day
 * @param failedSignUps sign-ups that the backend rejected or that ran out of retries
 * @param requests chat requests that arrived during the day
 * @param admitted chat requests that credit admission let through
 * @param rejectedForCredit chat requests rejected because the balance was not positive
 * @param topUps credit bought after sign-up during the day, and purchases that failed to store
 * @param failedRequests chat requests that failed because a backend call failed
 * @param lastFailureOfDayMillis when the day's last request or sign-up failed, in milliseconds
 *     after midnight, or -1 if none failed
 * @param cacheHits balance checks served from the proxy's in-process balance cache
 * @param redisHits balance reads that the Redis cache in front of Sheets served
 * @param redisMisses balance reads that found no fresh Redis entry and went to Sheets
 * @param archive the Sheets archive job's runs, calls, throttles, failed calls, rows moved and
 *     busy time that day, and users' attempts that a quota rejected while it ran
 * @param readRequests API requests made to read balances, retries included
 * @param writeRequests API requests made to append rows, retries included
 * @param signUpRequests API requests made for sign-ups, retries included
 * @param throttlesByQuota attempts throttled during the day, by quota name
 * @param failuresByLimit calls that failed during the day, by the name of the limit that failed
 *     them
 * @param latencyP50Millis median latency of the day's calls, backoff included, in milliseconds
 * @param latencyP95Millis 95th-percentile latency of the day's calls, in milliseconds
 * @param hosting hosting cost of the day by component
 * @param overspendMicros credit admitted beyond users' balances during the day, in micro-dollars
 * @param usage the requests billed during the day, with their tokens and cost
 * @param gauges capacity limits and their use at the end of the record's part of the day, as
 *     the backend that served it read them
 */
public record DayRecord(
        int day,
        LocalDate date,
        long fromMillis,
        String phase,
        String migratingTo,
        long users,
        long signUps,
        long failedSignUps,
        long requests,
        long admitted,
        long rejectedForCredit,
        TopUps topUps,
        long failedRequests,
        long lastFailureOfDayMillis,
        long cacheHits,
        long redisHits,
        long redisMisses,
        ArchiveCount archive,
        long readRequests,
        long writeRequests,
        long signUpRequests,
        SortedMap<String, Long> throttlesByQuota,
        SortedMap<String, Long> failuresByLimit,
        long latencyP50Millis,
        long latencyP95Millis,
        HostingCost hosting,
        long overspendMicros,
        BilledUsage usage,
        List<LimitGauge> gauges) {

    /** Returns the archive job's API requests that day, retries included. */
    public long archiveCalls() {
        return archive.calls();
    }

    /** Returns the simulated time the archive job spent in calls that started that day. */
    public long archiveBusyMillis() {
        return archive.busyMillis();
    }

    /** Returns the hosting cost of the day in micro-dollars, the sum of its components. */
    public long hostingCostMicros() {
        return hosting.total();
    }

    public DayRecord {
        throttlesByQuota = Collections.unmodifiableSortedMap(
                new TreeMap<>(throttlesByQuota));
        failuresByLimit = Collections.unmodifiableSortedMap(
                new TreeMap<>(failuresByLimit));
        // Readings are unmodifiable already, and far smaller than a copy into a list of gauges.
        gauges = gauges instanceof GaugeReadings ? gauges : List.copyOf(gauges);
    }

    /** Returns the attempts throttled during the day by every quota together. */
    public long throttles() {
        return throttlesByQuota.values().stream().mapToLong(Long::longValue).sum();
    }
}
