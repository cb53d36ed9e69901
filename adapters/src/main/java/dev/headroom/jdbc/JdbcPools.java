package dev.headroom.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.headroom.ledger.StoreUnavailableException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Creates the HikariCP connection pools that {@link JdbcLedger#open} owns. */
final class JdbcPools {

    /**
     * Seconds a PostgreSQL connection waits for the server's reply before the call fails, so
     * that a hung server cannot block an attempt for good; a URL's {@code socketTimeout} takes
     * precedence. pgjdbc 42.7 waits forever by default: its {@code PGProperty.SOCKET_TIMEOUT}
     * defaults to 0, the timeout in seconds of socket reads.
     */
    static final int POSTGRES_SOCKET_TIMEOUT_SECONDS = 30;

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String SQLITE_URI_PREFIX = "file:";
    private static final String SQLITE_MEMORY = ":memory:";

    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;][^=&;]*password[^=&;]*=)[^&;]*");

    private JdbcPools() {
    }

    /**
     * Creates a pool for {@code jdbcUrl}. SQLite connections get the busy timeout and the journal
     * mode through sqlite-jdbc's connection properties, and PostgreSQL connections a socket
     * timeout of {@value #POSTGRES_SOCKET_TIMEOUT_SECONDS} s. It sets no session state on
     * PostgreSQL, because the ledger's writes apply their {@link IdleInTransactionTimeout} per
     * transaction.
     *
     * @throws IllegalArgumentException if the URL's product is not supported, or it names an
     *     in-memory or temporary SQLite database
     * @throws StoreUnavailableException if the pool cannot open its first connection
     */
    static HikariDataSource create(String jdbcUrl, String user, String password,
            JdbcPoolSettings settings) {
        SqlDialect dialect = SqlDialect.ofUrl(jdbcUrl);
        if (dialect == SqlDialect.SQLITE && isSqliteInMemoryOrTemporary(jdbcUrl)) {
            throw new IllegalArgumentException("JDBC URL " + withoutSecrets(jdbcUrl)
                    + " names an in-memory or temporary SQLite database. Each pooled connection"
                    + " would open a database of its own, or with cache=shared lose every row"
                    + " once the pool closes its last connection. Pass a file path such as"
                    + " jdbc:sqlite:/var/lib/headroom/ledger.db, or use InMemoryLedger for a"
                    + " ledger that need not outlive the process");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("headroom-ledger-" + dialect.name().toLowerCase(Locale.ROOT));
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        if (dialect == SqlDialect.SQLITE) {
            config.addDataSourceProperty("busy_timeout",
                    String.valueOf(settings.sqliteBusyTimeout().toMillis()));
            config.addDataSourceProperty("journal_mode", settings.sqliteJournal().name());
        } else if (dialect == SqlDialect.POSTGRESQL) {
            config.addDataSourceProperty("socketTimeout",
                    String.valueOf(POSTGRES_SOCKET_TIMEOUT_SECONDS));
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("could not open a connection pool for "
                    + withoutSecrets(jdbcUrl) + ": " + withoutPassword(e.getMessage(), password)
                    + "; check that the database runs and the URL and user are right", e);
        }
    }

    /**
     * Returns whether a SQLite URL names a database that lives only in memory or in a temporary
     * file: an empty name, {@code :memory:}, or a {@code file:} URI whose path is empty or
     * {@code :memory:} or whose parameters include {@code mode=memory}. SQLite gives each
     * connection that opens such a name its own database unless the URI requests a shared cache.
     */
    static boolean isSqliteInMemoryOrTemporary(String jdbcUrl) {
        String name = jdbcUrl.substring(SQLITE_PREFIX.length());
        int query = name.indexOf('?');
        String path = query < 0 ? name : name.substring(0, query);
        if (path.isEmpty() || path.equals(SQLITE_MEMORY)) {
            return true;
        }
        if (!path.startsWith(SQLITE_URI_PREFIX)) {
            return false;
        }
        String uriPath = path.substring(SQLITE_URI_PREFIX.length());
        if (uriPath.isEmpty() || uriPath.equals(SQLITE_MEMORY)) {
            return true;
        }
        String parameters = query < 0 ? "" : name.substring(query + 1);
        for (String parameter : parameters.split("&")) {
            if (parameter.equals("mode=memory")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns a driver's message with the URL's password parameters and the password itself
     * masked, in case the driver quoted either.
     */
    static String withoutPassword(String message, String password) {
        String masked = message == null ? "" : withoutSecrets(message);
        if (password != null && !password.isEmpty()) {
            masked = masked.replace(password, "<masked>");
        }
        return masked;
    }

    /**
     * Returns the URL with the value of every parameter whose name contains {@code password}
     * masked, so that the pool's error message does not carry the password.
     */
    static String withoutSecrets(String jdbcUrl) {
        return SECRET_PARAMETER.matcher(jdbcUrl).replaceAll("$1<masked>");
    }
}
