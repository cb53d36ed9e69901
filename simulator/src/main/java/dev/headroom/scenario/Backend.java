package dev.headroom.scenario;

import dev.headroom.routing.RouterKind;
import java.util.Objects;
import java.util.Set;

/** The storage backend of a phase. */
public sealed interface Backend
        permits Backend.Sheets, Backend.ShardedSheets, Backend.SharedLogSheets, Backend.DynamoDb,
                Backend.Postgres, Backend.SqliteEfs {

    /** Returns the name used in scenario files, such as {@code sheets-sharded}. */
    String kindName();

    /** Returns whether this backend is a Sheets kind with a Redis balance cache in front. */
    default boolean usesRedisCache() {
        Set<SheetsFeature> features = Set.of();
        if (this instanceof Sheets sheets) {
            features = sheets.features();
        } else if (this instanceof ShardedSheets sharded) {
            features = sharded.features();
        } else if (this instanceof SharedLogSheets sharedLog) {
            features = sharedLog.features();
        }
        return features.contains(SheetsFeature.REDIS_CACHE);
    }

    /** Returns whether this backend is a tab-per-user Sheets kind with the archive job. */
    default boolean usesArchive() {
        if (this instanceof Sheets sheets) {
            return sheets.features().contains(SheetsFeature.ARCHIVE);
        }
        return this instanceof ShardedSheets sharded
                && sharded.features().contains(SheetsFeature.ARCHIVE);
    }

    /** Additions to a Google Sheets ledger, of any of the three Sheets kinds. */
    enum SheetsFeature {
        /** A Redis balance cache in front of Sheets, with the scenario's {@code redis} settings. */
        REDIS_CACHE,
        /**
         * A job that moves rows older than a set age into archive workbooks, with the scenario's
         * {@code sheets_archive} settings; only the tab-per-user kinds take it.
         */
        ARCHIVE
    }

    /**
     * One workbook with one tab per user, the plan's current system.
     *
     * @param features the additions in use; empty for the plan's system as it is
     */
    record Sheets(Set<SheetsFeature> features) implements Backend {
        public Sheets {
            features = Set.copyOf(features);
        }

        /** Creates the plain workbook, with no additions. */
        public Sheets() {
            this(Set.of());
        }

        @Override
        public String kindName() {
            return "sheets";
        }
    }

    /**
     * Users spread over several workbooks by a router; existing users stay where they are, and
     * all workbooks share the project's quotas.
     *
     * @param workbooks the number of workbooks, including the one of the previous phase
     * @param router how a new user's email picks a workbook
     * @param features the additions in use; empty for plain workbooks
     */
    record ShardedSheets(int workbooks, RouterKind router, Set<SheetsFeature> features)
            implements Backend {
        public ShardedSheets {
            Objects.requireNonNull(router, "router");
            features = Set.copyOf(features);
        }

        /** Creates plain sharded workbooks, with no additions. */
        public ShardedSheets(int workbooks, RouterKind router) {
            this(workbooks, router, Set.of());
        }

        @Override
        public String kindName() {
            return "sheets-sharded";
        }
    }

    /**
     * One workbook whose single tab contains every user's rows, with the email as a column: the
     * plan's shared-log option. Only a DynamoDB or SQL phase may follow it.
     *
     * @param features the additions in use; empty for a plain shared log
     */
    record SharedLogSheets(Set<SheetsFeature> features) implements Backend {
        public SharedLogSheets {
            features = Set.copyOf(features);
        }

        /** Creates the plain shared log, with no additions. */
        public SharedLogSheets() {
            this(Set.of());
        }

        @Override
        public String kindName() {
            return "sheets-shared-log";
        }
    }

    /**
     * A DynamoDB table, with the optional additions of the plan's last phase.
     *
     * @param features the additions in use; empty for a plain table
     */
    record DynamoDb(Set<Feature> features) implements Backend {

        /** Additions to a plain DynamoDB table. */
        public enum Feature {
            /** A DAX read cache in front of the table. */
            DAX,
            /** Items older than the archive age moved to S3. */
            S3_ARCHIVE
        }

        public DynamoDb {
            features = Set.copyOf(features);
        }

        /** Returns whether this table uses {@code feature}. */
        public boolean uses(Feature feature) {
            return features.contains(feature);
        }

        @Override
        public String kindName() {
            return "dynamodb";
        }
    }

    /**
     * One PostgreSQL ledger table on an Amazon RDS instance, with the settings of the scenario's
     * {@code postgres} section. A move into it copies every earlier row.
     */
    record Postgres() implements Backend {
        @Override
        public String kindName() {
            return "postgres";
        }
    }

    /**
     * One SQLite database file on Amazon EFS, with the settings of the scenario's
     * {@code sqlite_efs} section. A move into it copies every earlier row.
     */
    record SqliteEfs() implements Backend {
        @Override
        public String kindName() {
            return "sqlite-efs";
        }
    }
}
