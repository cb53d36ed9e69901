package dev.headroom.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A whole scenario: what to simulate, for how long, against which limits and prices, and along
 * which plan.
 *
 * @param name a short name for reports
 * @param seed the seed of every random stream of a run
 * @param horizon simulated time from the start to the end of a run
 * @param startDate the calendar date of simulated time zero, for date triggers and reports
 * @param growth the number of users over simulated time
 * @param churn the share of users who leave each month
 * @param workload requests, their sizes, prices and durations, and credit purchases
 * @param sheets Google Sheets limits, quotas, backoff and latency
 * @param balanceCacheTtl how long a balance read stays cached before the next read goes to the
 *     store; {@link Duration#ZERO} disables the cache
 * @param redis the Redis balance cache of the Sheets phases that list the redis-cache feature
 * @param sheetsArchive the archive job of the Sheets phases that list the archive feature
 * @param admission how the proxy admits a request against the user's credit
 * @param dynamoDb DynamoDB prices, read consistency, item size, balance design, DAX and archive
 * @param postgres PostgreSQL on RDS: instance and storage prices, allocated storage, latency
 * @param sqliteEfs SQLite on EFS: storage and throughput prices, page size, write lock, latency
 * @param plan the ordered phases and the developer hourly rate
 */
public record Scenario(
        String name,
        long seed,
        Duration horizon,
        LocalDate startDate,
        Growth growth,
        Churn churn,
        Workload workload,
        SheetsSettings sheets,
        Duration balanceCacheTtl,
        RedisSettings redis,
        SheetsArchiveSettings sheetsArchive,
        AdmissionDesign admission,
        DynamoDbSettings dynamoDb,
        PostgresSettings postgres,
        SqliteEfsSettings sqliteEfs,
        Plan plan) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(growth, "growth");
        Objects.requireNonNull(churn, "churn");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(sheets, "sheets");
        Objects.requireNonNull(balanceCacheTtl, "balanceCacheTtl");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(sheetsArchive, "sheetsArchive");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(dynamoDb, "dynamoDb");
        Objects.requireNonNull(postgres, "postgres");
        Objects.requireNonNull(sqliteEfs, "sqliteEfs");
        Objects.requireNonNull(plan, "plan");
    }

    /** Returns the horizon in whole simulated days, rounded down. */
    public int horizonDays() {
        return Math.toIntExact(horizon.toDays());
    }

    /** Returns a copy of this scenario with another seed, for the command line's seed option. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, newSeed, horizon, startDate, growth, churn, workload, sheets,
                balanceCacheTtl, redis, sheetsArchive, admission, dynamoDb, postgres, sqliteEfs,
                plan);
    }

    /** Returns a copy of this scenario with another horizon, for the command line's days option. */
    public Scenario withHorizon(Duration newHorizon) {
        return new Scenario(name, seed, newHorizon, startDate, growth, churn, workload, sheets,
                balanceCacheTtl, redis, sheetsArchive, admission, dynamoDb, postgres, sqliteEfs,
                plan);
    }
}
