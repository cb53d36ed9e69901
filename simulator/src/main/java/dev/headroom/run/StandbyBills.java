package dev.headroom.run;

import dev.headroom.model.cache.RedisCacheModel;
import dev.headroom.model.dynamodb.DaxParams;
import dev.headroom.model.dynamodb.DynamoDbModel;
import dev.headroom.model.sql.PostgresModel;
import dev.headroom.model.sql.PostgresParams;
import dev.headroom.plan.StandbyBill;
import dev.headroom.scenario.Backend;
import dev.headroom.scenario.Phase;
import dev.headroom.scenario.Scenario;

/**
 * The fixed prices each phase pays from the start of its migration: the PostgreSQL instance
 * with its allocated storage, DAX nodes and Redis nodes. Stores billed by use (Sheets, DynamoDB
 * on demand, SQLite on EFS) start to cost when they serve, and their rows are copied at go-live.
 * A DAX or Redis cluster that the phase before already runs is kept, so it adds nothing.
 */
final class StandbyBills {

    private StandbyBills() {
    }

    /**
     * Returns the fixed price of {@code phase}'s store and cache before it goes live.
     * {@code previous} is the phase before it, or {@code null} for the first phase.
     */
    static StandbyBill of(Scenario scenario, Phase phase, Phase previous) {
        Backend backend = phase.backend();
        Backend before = previous == null ? null : previous.backend();
        StandbyBill store = StandbyBill.NONE;
        if (backend instanceof Backend.Postgres) {
            PostgresParams params = SqlMapping.postgres(scenario.postgres(),
                    scenario.workload().row().bytes());
            store = StandbyBill.fromCumulative(
                    (since, at) -> PostgresModel.bill(params, since, at));
        } else if (backend instanceof Backend.DynamoDb dynamo && !hasDax(before)) {
            DaxParams dax = DynamoDbMapping.params(scenario.dynamoDb(), dynamo).dax();
            if (dax.enabled()) {
                // Without DAX, a zero dax_nodes component would add a column of zeros.
                store = StandbyBill.fromCumulative(DynamoDbModel.DAX_NODES, dax::nodeMicros);
            }
        }
        if (!backend.usesRedisCache() || before != null && before.usesRedisCache()) {
            return store;
        }
        var redis = PlanMapping.redisParams(scenario.redis());
        return store.plus(StandbyBill.fromCumulative(RedisCacheModel.NODES, redis::nodeMicros));
    }

    private static boolean hasDax(Backend backend) {
        return backend instanceof Backend.DynamoDb dynamo
                && dynamo.uses(Backend.DynamoDb.Feature.DAX);
    }
}
