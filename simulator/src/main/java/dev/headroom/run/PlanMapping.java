package dev.headroom.run;

import dev.headroom.engine.RandomStream;
import dev.headroom.engine.RandomStreams;
import dev.headroom.model.BackendModel;
import dev.headroom.model.cache.RedisCacheModel;
import dev.headroom.model.cache.RedisCacheParams;
import dev.headroom.model.cache.WriteMode;
import dev.headroom.model.dynamodb.DynamoDbModel;
import dev.headroom.model.dynamodb.DynamoDbParams;
import dev.headroom.model.sheets.ArchiveParams;
import dev.headroom.model.sheets.CallerIdentity;
import dev.headroom.model.sheets.GridPolicy;
import dev.headroom.model.sheets.ShardParams;
import dev.headroom.model.sheets.SharedLogModel;
import dev.headroom.model.sheets.SheetsArchiveModel;
import dev.headroom.model.sheets.SheetsModel;
import dev.headroom.model.sheets.SheetsParams;
import dev.headroom.model.sql.PostgresModel;
import dev.headroom.model.sql.SqliteEfsModel;
import dev.headroom.plan.BackendFactory;
import dev.headroom.plan.Condition;
import dev.headroom.plan.ExistingUsers;
import dev.headroom.plan.Phase;
import dev.headroom.plan.Plan;
import dev.headroom.plan.Trigger;
import dev.headroom.scenario.Backend;
import dev.headroom.scenario.BalanceDesign;
import dev.headroom.scenario.Latency;
import dev.headroom.scenario.RedisSettings;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.SheetsArchiveSettings;
import dev.headroom.scenario.SheetsSettings;
import dev.headroom.sheets.limits.GoogleBackoff;
import dev.headroom.sheets.limits.Grid;
import dev.headroom.sheets.limits.QuotaLimits;
import dev.headroom.sheets.limits.TabGuard;
import dev.headroom.sheets.limits.WindowKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a scenario's plan onto the run's plan, with a backend factory per phase.
 *
 * <p>Migration semantics. Into Sheets, single or sharded, every placed user keeps its tab and
 * rows in the workbook where it was. So users of a single workbook stay in shard 0, as the plan's
 * sharding keeps existing users in the original spreadsheet. New users are routed by the
 * phase's router. From Sheets into DynamoDB, the migration backfills every placed user's stored
 * rows into the new table ({@link DynamoDbModel#importItems}), billed as writes on the day the
 * phase goes live. From one DynamoDB phase to the next, the table stays the same and the new
 * phase takes over its items with their ages ({@link DynamoDbModel#continuing}). Into a SQL
 * backend, PostgreSQL or SQLite on EFS, from any earlier kind, every placed user's stored rows
 * are copied into a new database as far as its storage allows, with no call.
 *
 * <p>NOTE: backfilled rows count as written when the DynamoDB phase goes live, so a phase that
 * archives straight after Sheets keeps them in the table for one more retention age.
 *
 * <p>A Sheets phase with the {@code redis-cache} feature puts a {@link RedisCacheModel} in front
 * of its Sheets model. The cache starts empty in each phase, and the next phase's migration
 * receives the Sheets model behind it, so the cache changes nothing that a migration carries
 * over.
 *
 * <p>A tab-per-user Sheets phase with the {@code archive} feature wraps its Sheets model in a
 * {@link SheetsArchiveModel}, inside the Redis cache when the phase has both. A following
 * tab-per-user phase takes over the tabs, which hold only the recent rows, and keeps their store
 * times if it archives too. A following DynamoDB or SQL phase copies every row the run stored,
 * archived ones included.
 *
 * <p>Random streams: each phase draws latencies from {@code latency:PHASE}, backoff jitter
 * from {@code jitter:PHASE} and Redis latencies from {@code redis:PHASE}, so adding a phase or
 * a cache leaves the draws of the workload unchanged.
 */
final class PlanMapping {

    private PlanMapping() {
    }

    /** Returns what the reports need of each phase of the scenario's plan. */
    static List<PhaseInfo> phaseInfos(Scenario scenario) {
        List<PhaseInfo> infos = new ArrayList<>();
        for (dev.headroom.scenario.Phase phase : scenario.plan().phases()) {
            infos.add(info(phase, scenario));
        }
        return infos;
    }

    /** Builds the plan, whose factories draw from {@code streams}. */
    static Plan plan(Scenario scenario, RandomStreams streams) {
        List<Phase> phases = new ArrayList<>();
        dev.headroom.scenario.Phase previous = null;
        for (dev.headroom.scenario.Phase phase : scenario.plan().phases()) {
            phases.add(new Phase(phase.name(), describe(phase.backend()),
                    factory(scenario, phase, streams), StandbyBills.of(scenario, phase, previous),
                    phase.migration().effortHours(),
                    phase.migration().leadTime().toMillis(), trigger(phase)));
            previous = phase;
        }
        return new Plan(phases, scenario.plan().hourlyRateMicros());
    }

    /**
     * Returns a short description of a backend, such as {@code sheets-sharded x5 char-sum} or
     * {@code sheets + redis-cache}.
     */
    static String describe(Backend backend) {
        String cache = (backend.usesArchive() ? " + archive" : "")
                + (backend.usesRedisCache() ? " + redis-cache" : "");
        if (backend instanceof Backend.ShardedSheets sharded) {
            return "sheets-sharded x" + sharded.workbooks() + " "
                    + sharded.router().configName() + cache;
        }
        if (backend instanceof Backend.DynamoDb dynamo && !dynamo.features().isEmpty()) {
            List<String> features = dynamo.features().stream()
                    .map(feature -> feature.name().toLowerCase(Locale.ROOT)
                            .replace('_', '-'))
                    .sorted()
                    .toList();
            return "dynamodb + " + String.join(" + ", features);
        }
        return backend.kindName() + cache;
    }

    private static PhaseInfo info(dev.headroom.scenario.Phase phase, Scenario scenario) {
        SheetsSettings sheets = scenario.sheets();
        Backend backend = phase.backend();
        String description = describe(backend) + designOf(backend, scenario);
        long lead = phase.migration().leadTime().toMillis();
        boolean onFailure = phase.nextWhen().stream().anyMatch(trigger ->
                trigger instanceof dev.headroom.scenario.Trigger.FailedRequestsPerDay
                        || trigger instanceof dev.headroom.scenario.Trigger.FailedSignUpsPerDay);
        if (backend instanceof Backend.Sheets) {
            return new PhaseInfo(phase.name(), description, 1, sheets.tabsPerWorkbook(), lead,
                    onFailure);
        }
        if (backend instanceof Backend.ShardedSheets sharded) {
            return new PhaseInfo(phase.name(), description, sharded.workbooks(),
                    (long) sharded.workbooks() * sheets.tabsPerWorkbook(), lead, onFailure);
        }
        if (backend instanceof Backend.SharedLogSheets) {
            return new PhaseInfo(phase.name(), description, 1, Long.MAX_VALUE, lead, onFailure);
        }
        // A SQL or DynamoDB phase has no workbook and no tab limit.
        return new PhaseInfo(phase.name(), description, 0, Long.MAX_VALUE, lead, onFailure);
    }

    /**
     * Returns the balance design of a DynamoDB or SQL backend, such as {@code " (query-sum)"},
     * because it decides most of their cost and load; an empty string for Sheets.
     */
    private static String designOf(Backend backend, Scenario scenario) {
        BalanceDesign design;
        if (backend instanceof Backend.DynamoDb) {
            design = scenario.dynamoDb().balanceDesign();
        } else if (backend instanceof Backend.Postgres) {
            design = scenario.postgres().balanceDesign();
        } else if (backend instanceof Backend.SqliteEfs) {
            design = scenario.sqliteEfs().balanceDesign();
        } else {
            return "";
        }
        return " (" + design.name().toLowerCase(Locale.ROOT).replace('_', '-') + ")";
    }

    private static Trigger trigger(dev.headroom.scenario.Phase phase) {
        List<Condition> conditions = new ArrayList<>();
        for (dev.headroom.scenario.Trigger trigger : phase.nextWhen()) {
            conditions.add(condition(trigger));
        }
        return new Trigger(conditions);
    }

    /** Returns the plan's condition of a scenario trigger. */
    static Condition condition(dev.headroom.scenario.Trigger trigger) {
        if (trigger instanceof dev.headroom.scenario.Trigger.Users users) {
            return Condition.users(users.users());
        }
        if (trigger instanceof dev.headroom.scenario.Trigger.ThrottledCallsPerDay calls) {
            return Condition.throttledCallsPerDay(calls.calls());
        }
        if (trigger instanceof dev.headroom.scenario.Trigger.FailedRequestsPerDay failed) {
            return Condition.failedRequestsPerDay(failed.requests());
        }
        if (trigger instanceof dev.headroom.scenario.Trigger.FailedSignUpsPerDay failed) {
            return Condition.failedSignUpsPerDay(failed.signUps());
        }
        if (trigger instanceof dev.headroom.scenario.Trigger.LatencyP95 latency) {
            return Condition.p95LatencyMillis(latency.latency().toMillis());
        }
        if (trigger instanceof dev.headroom.scenario.Trigger.MonthlyCost cost) {
            return Condition.monthlyCostMicros(cost.micros());
        }
        return Condition.onDate(((dev.headroom.scenario.Trigger.OnDate) trigger).date());
    }

    /**
     * Returns the phase's factory: its store's, with the archive job when the phase lists it,
     * behind a Redis cache when the phase lists one. Either way the store's factory receives the
     * previous phase's store, never its cache or archive job.
     */
    private static BackendFactory factory(Scenario scenario, dev.headroom.scenario.Phase phase,
            RandomStreams streams) {
        BackendFactory store = storeFactory(scenario, phase, streams);
        ArchiveParams archive = archiveParams(scenario.sheetsArchive());
        boolean archives = phase.backend().usesArchive();
        BackendFactory archived = (previous, users, now) -> {
            BackendModel model = store.create(storeOf(previous), users, now);
            return archives
                    ? new SheetsArchiveModel((SheetsModel) model, archive, now,
                            archiveOf(previous))
                    : model;
        };
        if (!phase.backend().usesRedisCache()) {
            return archived;
        }
        RedisCacheParams redis = redisParams(scenario.redis());
        String redisStream = "redis:" + phase.name();
        return (previous, users, now) -> new RedisCacheModel(
                archived.create(previous, users, now), redis, streams.stream(redisStream), now);
    }

    private static BackendModel storeOf(BackendModel backend) {
        BackendModel inner = backend instanceof RedisCacheModel cache ? cache.store() : backend;
        return inner instanceof SheetsArchiveModel archive ? archive.sheets() : inner;
    }

    private static SheetsArchiveModel archiveOf(BackendModel backend) {
        BackendModel inner = backend instanceof RedisCacheModel cache ? cache.store() : backend;
        return inner instanceof SheetsArchiveModel archive ? archive : null;
    }

    /** Returns the model parameters of the scenario's archive job. */
    static ArchiveParams archiveParams(SheetsArchiveSettings settings) {
        return new ArchiveParams(settings.keep().toMillis(), settings.every().toMillis(),
                settings.startsAt().toMillis(), settings.cellLimit(),
                settings.costPerRunMicros());
    }

    /** Returns the model parameters of the scenario's Redis cache. */
    static RedisCacheParams redisParams(RedisSettings settings) {
        WriteMode onWrite = switch (settings.onWrite()) {
            case INVALIDATE -> WriteMode.INVALIDATE;
            case UPDATE -> WriteMode.UPDATE;
        };
        return new RedisCacheParams(settings.nodes(), settings.nodeMicrosPerHour(),
                settings.ttl().toMillis(), onWrite,
                DynamoDbMapping.latency(new Latency(settings.latency(), Duration.ZERO)));
    }

    /**
     * Returns whether {@code phase} or a phase after it archives DynamoDB items to S3, and an
     * item written during the run can reach {@code archive.age} before it ends.
     */
    static boolean archivesFrom(Scenario scenario, dev.headroom.scenario.Phase phase) {
        if (scenario.dynamoDb().archive().age().compareTo(scenario.horizon()) >= 0) {
            return false;
        }
        List<dev.headroom.scenario.Phase> phases = scenario.plan().phases();
        return phases.subList(phases.indexOf(phase), phases.size()).stream()
                .anyMatch(later -> later.backend() instanceof Backend.DynamoDb dynamo
                        && dynamo.uses(Backend.DynamoDb.Feature.S3_ARCHIVE));
    }

    private static BackendFactory storeFactory(Scenario scenario,
            dev.headroom.scenario.Phase phase, RandomStreams streams) {
        Backend backend = phase.backend();
        String latencyStream = "latency:" + phase.name();
        String jitterStream = "jitter:" + phase.name();
        if (backend instanceof Backend.DynamoDb dynamo) {
            DynamoDbParams params = DynamoDbMapping.params(scenario.dynamoDb(), dynamo,
                    archivesFrom(scenario, phase));
            return (previous, users, now) -> {
                RandomStream random = streams.stream(latencyStream);
                if (previous instanceof DynamoDbModel table) {
                    return DynamoDbModel.continuing(params, random, now, table);
                }
                DynamoDbModel model = new DynamoDbModel(params, random, now);
                importUsers(model, users, now);
                return model;
            };
        }
        if (backend instanceof Backend.Postgres) {
            var params = SqlMapping.postgres(scenario.postgres(),
                    scenario.workload().row().bytes());
            return (previous, users, now) -> {
                PostgresModel model = new PostgresModel(params, streams.stream(latencyStream),
                        now);
                copyRows(users, model::importRows);
                return model;
            };
        }
        if (backend instanceof Backend.SqliteEfs) {
            var params = SqlMapping.sqliteEfs(scenario.sqliteEfs(),
                    scenario.workload().row().bytes());
            return (previous, users, now) -> {
                SqliteEfsModel model = new SqliteEfsModel(params, streams.stream(latencyStream),
                        now);
                // An EFS file system has no size limit, so every row is copied.
                copyRows(users, (user, rows) -> model.importRows(user, rows, now));
                return model;
            };
        }
        SheetsParams params = sheetsParams(scenario.sheets(),
                scenario.workload().row().columns());
        if (backend instanceof Backend.SharedLogSheets) {
            return (previous, users, now) -> {
                SharedLogModel model = new SharedLogModel(params,
                        streams.stream(latencyStream), streams.stream(jitterStream));
                copyRows(model, users);
                return model;
            };
        }
        ShardParams sharding = backend instanceof Backend.ShardedSheets sharded
                ? new ShardParams(sharded.workbooks(), sharded.router())
                : ShardParams.SINGLE;
        return (previous, users, now) -> {
            SheetsModel model = new SheetsModel(params, sharding, streams.stream(latencyStream),
                    streams.stream(jitterStream));
            keepSheetsUsers(model, previous, users);
            return model;
        };
    }

    private static void importUsers(DynamoDbModel model, ExistingUsers users, long now) {
        for (int user = 0; user < users.size(); user++) {
            if (users.placed(user)) {
                model.importItems(user, users.rows(user), now);
            }
        }
    }

    /**
     * Copies every placed user's rows into the shared log, as the migration into it does. The
     * model counts the rows that did not fit under the cell limit.
     * NOTE: rows that do not fit are dropped from the shared log only. A later move to DynamoDB,
     * PostgreSQL or SQLite still copies every row the run recorded for the user.
     */
    private static void copyRows(SharedLogModel model, ExistingUsers users) {
        for (int user = 0; user < users.size(); user++) {
            if (users.placed(user)) {
                model.importRows(user, users.email(user), (int) users.rows(user));
            }
        }
    }

    /** Copies {@code rows} rows of {@code user} into a new backend. */
    @FunctionalInterface
    private interface RowImport {
        void copy(int user, long rows);
    }

    /**
     * Copies every placed user's rows into a new SQL backend, as the migration into it does.
     * The backend counts the rows that did not fit.
     */
    private static void copyRows(ExistingUsers users, RowImport target) {
        for (int user = 0; user < users.size(); user++) {
            if (users.placed(user)) {
                target.copy(user, users.rows(user));
            }
        }
    }

    private static void keepSheetsUsers(SheetsModel model, BackendModel previous,
            ExistingUsers users) {
        if (!(previous instanceof SheetsModel sheets)) {
            return;
        }
        for (int user = 0; user < users.size(); user++) {
            if (sheets.workbookOf(user) >= 0) {
                model.takeOverTab(user, sheets);
            }
        }
    }

    static SheetsParams sheetsParams(SheetsSettings sheets, int rowColumns) {
        var quotas = sheets.quotas();
        GridPolicy grid = switch (sheets.gridMode()) {
            case DEFAULT_GRID -> GridPolicy.DEFAULT_GRID;
            case SIZED_TO_ROW -> GridPolicy.SIZED_TO_ROW;
        };
        CallerIdentity identity = switch (sheets.quotaIdentity()) {
            case SERVICE_ACCOUNT -> CallerIdentity.SERVICE_ACCOUNT;
            case PER_END_USER -> CallerIdentity.END_USER;
        };
        Grid defaultGrid = new Grid(sheets.defaultGridRows(), sheets.defaultGridColumns());
        return new SheetsParams(new TabGuard(sheets.tabsPerWorkbook()),
                sheets.cellsPerWorkbook(), grid, defaultGrid, rowColumns, 0, identity,
                new QuotaLimits(quotas.readsPerMinutePerProject(), quotas.readsPerMinutePerUser(),
                        quotas.writesPerMinutePerProject(), quotas.writesPerMinutePerUser()),
                WindowKind.FIXED,
                new GoogleBackoff(sheets.backoff().maximumBackoff().toMillis(),
                        sheets.backoff().maximumRetries()),
                DynamoDbMapping.latency(sheets.readLatency()),
                DynamoDbMapping.latency(sheets.writeLatency()));
    }
}
