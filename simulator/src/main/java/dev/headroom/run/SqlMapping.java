package dev.headroom.run;

import dev.headroom.engine.SimTime;
import dev.headroom.model.sql.BalanceRead;
import dev.headroom.model.sql.PostgresParams;
import dev.headroom.model.sql.SqliteEfsParams;
import dev.headroom.scenario.BalanceDesign;
import dev.headroom.scenario.PostgresSettings;
import dev.headroom.scenario.SqliteEfsSettings;

/** Maps a scenario's PostgreSQL and SQLite settings onto the SQL models' parameters. */
final class SqlMapping {

    private SqlMapping() {
    }

    /** Returns the model parameters of a PostgreSQL phase, with rows of {@code rowBytes}. */
    static PostgresParams postgres(PostgresSettings settings, long rowBytes) {
        long freeTierEnd = Math.multiplyExact(settings.freeTierMonths(), SimTime.YEAR / 12);
        return new PostgresParams(settings.instanceMicrosPerHour(), freeTierEnd,
                settings.allocatedStorageGb(), settings.storageMicrosPerGbMonth(),
                settings.freeStorageGb(), rowBytes, settings.rowOverheadBytes(),
                balanceRead(settings.balanceDesign()),
                DynamoDbMapping.latency(settings.latency()), settings.maxConnections(),
                settings.reservedConnections());
    }

    /** Returns the model parameters of a SQLite on EFS phase, with rows of {@code rowBytes}. */
    static SqliteEfsParams sqliteEfs(SqliteEfsSettings settings, long rowBytes) {
        return new SqliteEfsParams(settings.storageMicrosPerGbMonth(), settings.readMicrosPerGb(),
                settings.writeMicrosPerGb(), settings.pageBytes(), rowBytes,
                settings.rowOverheadBytes(), balanceRead(settings.balanceDesign()),
                DynamoDbMapping.latency(settings.latency()), settings.busyTimeout().toMillis(),
                Math.toIntExact(settings.maximumRetries()));
    }

    static BalanceRead balanceRead(BalanceDesign design) {
        return switch (design) {
            case QUERY_SUM -> BalanceRead.SUM_ROWS;
            case RUNNING_BALANCE -> BalanceRead.RUNNING_BALANCE;
        };
    }
}
