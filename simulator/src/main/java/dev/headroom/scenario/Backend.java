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

    /** One workbook with one tab per user, the plan's current system. */
    record Sheets() implements Backend {
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
     */
    record ShardedSheets(int workbooks, RouterKind router) implements Backend {
        public ShardedSheets {
            Objects.requireNonNull(router, "router");
        }

        @Override
        public String kindName() {
            return "sheets-sharded";
        }
    }

    /**
     * One workbook whose single tab contains every user's rows, with the email as a column: the
     * plan's shared-log option. Only a DynamoDB or SQL phase may follow it.
     */
    record SharedLogSheets() implements Backend {
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
