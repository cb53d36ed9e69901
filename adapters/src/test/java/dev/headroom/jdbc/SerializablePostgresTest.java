package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.retry.RetryPolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs concurrent admissions on PostgreSQL at the SERIALIZABLE isolation level. A second session
 * locks the account row until the number of admissions waiting for it is steady. Each waiting
 * admission then fails with SQLSTATE 40001, and the ledger must retry it and still admit exactly
 * one request.
 */
class SerializablePostgresTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final int ADMISSIONS = 50;

    /** Returns a data source whose sessions default to SERIALIZABLE, in a fresh schema. */
    private static PGSimpleDataSource serializableDataSource(String schema) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(PostgresServers.url(null));
        try (Connection admin = dataSource.getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        dataSource.setCurrentSchema(schema);
        dataSource.setOptions("-c default_transaction_isolation=serializable");
        return dataSource;
    }

    /** Returns how many server sessions are waiting for a lock. */
    private static long sessionsWaitingForLock(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock'")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Returns the number of sessions waiting for a lock once it is above zero and unchanged over
     * three polls 100 ms apart. After 30 s it returns the last count.
     */
    private static long awaitSteadyLockWaiters(Connection connection) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long waiting = 0;
        int steadyPolls = 0;
        while (steadyPolls < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = sessionsWaitingForLock(connection);
            steadyPolls = now > 0 && now == waiting ? steadyPolls + 1 : 0;
            waiting = now;
        }
        return waiting;
    }

    @Test
    void serializableConflicts_areRetried() throws Exception {
        RetryPolicy retry = RetryPolicy.builder()
                .maxAttempts(30)
                .baseDelay(Duration.ofMillis(5))
                .maxDelay(Duration.ofMillis(200))
                .maxElapsed(Duration.ofMinutes(1))
                .uniform(new SplittableRandom(17)::nextDouble)
                .build();
        String email = "race@example.com";
        long cost = 25_000;
        PGSimpleDataSource dataSource = serializableDataSource("serializable");
        ExecutorService pool = Executors.newFixedThreadPool(ADMISSIONS);
        try (JdbcLedger ledger = JdbcLedger.create(dataSource, retry);
                Connection holder = dataSource.getConnection()) {
            ledger.record(Transaction.credit("c-1", email, T0, cost));
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeUpdate("UPDATE ledger_accounts SET row_count = row_count"
                        + " WHERE email = '" + email + "'");
            }

            List<Future<AdmissionOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < ADMISSIONS; i++) {
                Transaction request = new Transaction("r-" + i, email, T0.plusMillis(i + 1),
                        TransactionKind.USAGE, "gpt-4o-mini", 100, 200, cost, 800);
                outcomes.add(pool.submit(() -> ledger.admit(request)));
            }
            long blocked = awaitSteadyLockWaiters(holder);
            holder.commit();
            long admitted = 0;
            for (Future<AdmissionOutcome> outcome : outcomes) {
                if (outcome.get() == AdmissionOutcome.ADMITTED) {
                    admitted++;
                }
            }

            assertTrue(blocked > 0, "no admission waited for the held row lock");
            assertEquals(1, admitted, "admitted requests");
            assertEquals(0, ledger.balanceMicros(email));
            assertEquals(2, ledger.transactions(email, Instant.MIN, Instant.MAX).size());
            assertTrue(ledger.metrics().retries() >= blocked, "retries "
                    + ledger.metrics().retries() + " for " + blocked + " blocked admissions");
        } finally {
            pool.shutdownNow();
        }
    }
}
