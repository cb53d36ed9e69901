package dev.headroom.projection;

import dev.headroom.model.LimitGauge;
import dev.headroom.run.DayRecord;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the per-day metrics table: one row per simulated day and serving phase, so a day on
 * which a phase went live after midnight has two rows, the old phase's up to that moment and
 * the new phase's from it. Fixed columns come first, then one column per quota
 * ({@code throttled:QUOTA}), per failing limit ({@code failed:LIMIT}), per gauge
 * ({@code LIMIT:RESOURCE}, the amount in use at the end of the row's part of the day) and per
 * hosting cost component ({@code hosting:COMPONENT_micros}). Dynamic columns come in the order
 * they first appear in the run. A gauge absent on a row, because another phase served then, is
 * a missing value, and a cost component absent on a row is zero.
 */
public final class DailyTable {

    /** Prefix of the throttled-attempts column of each quota. */
    public static final String THROTTLED = "throttled:";
    /** Prefix of the failed-calls column of each limit. */
    public static final String FAILED = "failed:";
    /** Prefix of the column of each hosting cost component, which ends in {@code _micros}. */
    public static final String HOSTING = "hosting:";
    /** The suffix of a money column in micro-dollars. */
    public static final String MICROS = "_micros";
    /** When the day's last request or sign-up failed, {@code HH:mm:ss.SSS}; empty if none. */
    public static final String LAST_FAILURE_TIME = "last_failure_time";

    /**
     * When the row's part of the day starts, {@code HH:mm:ss.SSS}: midnight, or the moment a
     * phase went live, which splits that day into a row per phase.
     */
    public static final String FROM_TIME = "from_time";

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern(
            "HH:mm:ss.SSS", Locale.ROOT);

    private DailyTable() {
    }

    /** Builds the table from the days of one run. */
    public static Table build(List<DayRecord> days) {
        Set<String> quotas = new LinkedHashSet<>();
        Set<String> limits = new LinkedHashSet<>();
        Set<String> gauges = new LinkedHashSet<>();
        Set<String> components = new LinkedHashSet<>();
        for (DayRecord day : days) {
            components.addAll(day.hosting().components().keySet());
            quotas.addAll(day.throttlesByQuota().keySet());
            limits.addAll(day.failuresByLimit().keySet());
            day.gauges().forEach(gauge -> gauges.add(gaugeColumn(gauge)));
        }

        Table table = Table.create("daily");
        table.addColumns(
                IntColumn.create("day", days.stream().mapToInt(DayRecord::day).toArray()),
                strings("date", days, day -> day.date().toString()),
                strings(FROM_TIME, days, day -> timeOfDay(day.fromMillis())),
                strings("phase", days, DayRecord::phase),
                strings("migrating_to", days, DayRecord::migratingTo),
                longs("users", days, DayRecord::users),
                longs("sign_ups", days, DayRecord::signUps),
                longs("failed_sign_ups", days, DayRecord::failedSignUps),
                longs("requests", days, DayRecord::requests),
                longs("admitted", days, DayRecord::admitted),
                longs("rejected_for_credit", days, DayRecord::rejectedForCredit),
                longs("top_ups", days, day -> day.topUps().bought()),
                longs("top_up_micros", days, day -> day.topUps().micros()),
                longs("failed_top_ups", days, day -> day.topUps().failed()),
                longs("failed_requests", days, DayRecord::failedRequests),
                strings(LAST_FAILURE_TIME, days, day -> timeOfDay(day.lastFailureOfDayMillis())),
                longs("cache_hits", days, DayRecord::cacheHits),
                longs("redis_hits", days, DayRecord::redisHits),
                longs("redis_misses", days, DayRecord::redisMisses),
                longs("archive_runs", days, day -> day.archive().runs()),
                longs("archive_calls", days, day -> day.archive().calls()),
                longs("archive_throttled", days, day -> day.archive().throttles()),
                longs("archive_failed", days, day -> day.archive().failedCalls()),
                longs("archive_rows_moved", days, day -> day.archive().rowsMoved()),
                longs("archive_busy_ms", days, day -> day.archive().busyMillis()),
                longs("throttled_during_archive", days, day -> day.archive().userThrottles()),
                longs("read_requests", days, DayRecord::readRequests),
                longs("write_requests", days, DayRecord::writeRequests),
                longs("sign_up_requests", days, DayRecord::signUpRequests),
                longs("throttled", days, DayRecord::throttles),
                longs("latency_p50_ms", days, DayRecord::latencyP50Millis),
                longs("latency_p95_ms", days, DayRecord::latencyP95Millis),
                longs("hosting_cost_micros", days, DayRecord::hostingCostMicros),
                longs("overspend_micros", days, DayRecord::overspendMicros),
                longs("billed_requests", days, day -> day.usage().requests()),
                longs("billed_tokens_in", days, day -> day.usage().tokensIn()),
                longs("billed_tokens_out", days, day -> day.usage().tokensOut()),
                longs("billed_usage_micros", days, day -> day.usage().micros()));
        for (String quota : quotas) {
            table.addColumns(longs(THROTTLED + quota, days,
                    day -> day.throttlesByQuota().getOrDefault(quota, 0L)));
        }
        for (String limit : limits) {
            table.addColumns(longs(FAILED + limit, days,
                    day -> day.failuresByLimit().getOrDefault(limit, 0L)));
        }
        // Gauge names are unique, so each column skips Tablesaw's name check, whose time grows
        // with the square of the columns.
        gaugeUse(gauges, days).forEach(table::internalAddWithoutValidation);
        for (String component : components) {
            table.addColumns(longs(HOSTING + component + MICROS, days,
                    day -> day.hosting().components().getOrDefault(component, 0L)));
        }
        return table;
    }

    /**
     * Returns the days a daily table covers: its last row's day index plus one, or 0. A day on
     * which a phase went live after midnight has two rows, so this can be below the row count.
     */
    public static int dayCount(Table daily) {
        return daily.isEmpty() ? 0 : daily.intColumn("day").getInt(daily.rowCount() - 1) + 1;
    }

    /**
     * Returns a time of day given in milliseconds after midnight as {@code HH:mm:ss.SSS}, or an
     * empty string for -1.
     */
    static String timeOfDay(long millis) {
        return millis < 0 ? "" : LocalTime.ofNanoOfDay(millis * 1_000_000).format(TIME_OF_DAY);
    }

    /** Returns the column name of a gauge, such as {@code cells:workbook-0}. */
    public static String gaugeColumn(LimitGauge gauge) {
        return gauge.limit() + ":" + gauge.resource();
    }

    /**
     * Returns one column per gauge name, in the order given, with each day's use or a missing
     * value. It reads each day's gauges once, so its time grows with days times gauges: a plan
     * with thousands of workbooks has tens of thousands of gauges a day.
     */
    private static List<LongColumn> gaugeUse(Set<String> names, List<DayRecord> days) {
        Map<String, Integer> indexOf = new HashMap<>();
        List<LongColumn> columns = new ArrayList<>();
        for (String name : names) {
            indexOf.put(name, columns.size());
            // A new column of that size starts with missing values, which a day without the
            // gauge keeps.
            columns.add(LongColumn.create(name, days.size()));
        }
        for (int row = 0; row < days.size(); row++) {
            for (LimitGauge gauge : days.get(row).gauges()) {
                columns.get(indexOf.get(gaugeColumn(gauge))).set(row, gauge.used());
            }
        }
        return columns;
    }

    private static LongColumn longs(String name, List<DayRecord> days,
            ToLongFunction<DayRecord> value) {
        return LongColumn.create(name, days.stream().mapToLong(value).toArray());
    }

    private static StringColumn strings(String name, List<DayRecord> days,
            Function<DayRecord, String> value) {
        return StringColumn.create(name, days.stream().map(value).toArray(String[]::new));
    }
}
