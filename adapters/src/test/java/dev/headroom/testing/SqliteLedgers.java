package dev.headroom.testing;

import dev.headroom.jdbc.JdbcLedger;
import dev.headroom.jdbc.JdbcPoolSettings;
import dev.headroom.retry.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

/** SQLite ledgers for tests that open several on one file, as several processes would. */
public final class SqliteLedgers {

    private SqliteLedgers() {
    }

    /**
     * Opens a ledger on {@code file} with 4 connections, a 5 s busy timeout and the default
     * retries, whose jitter is drawn from {@code seed}.
     */
    public static JdbcLedger open(Path file, long seed) {
        JdbcPoolSettings pool = new JdbcPoolSettings(4, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        RetryPolicy retry = RetryPolicy.builder()
                .uniform(new SplittableRandom(seed)::nextDouble)
                .build();
        return JdbcLedger.open("jdbc:sqlite:" + file, null, null, pool, retry);
    }
}
