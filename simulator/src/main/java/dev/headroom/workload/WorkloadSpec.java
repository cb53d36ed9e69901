package dev.headroom.workload;

import java.util.List;
import java.util.Objects;

/**
 * Every parameter of the synthetic workload.
 *
 * @param growth active users over simulated time
 * @param churn monthly rate at which users leave, or {@link Churn#NONE}
 * @param rates distribution of users' mean requests per day
 * @param profile hourly and weekday modulation of arrivals
 * @param models the models requests use, with shares and prices
 * @param tokenSizes distributions of prompt and generated tokens per request
 * @param duration duration of each request
 * @param credit initial credit and top-ups
 */
public record WorkloadSpec(
        GrowthCurve growth,
        Churn churn,
        RateDistribution rates,
        ArrivalProfile profile,
        List<ModelOption> models,
        TokenSizeTable tokenSizes,
        DurationModel duration,
        CreditPolicy credit) {

    public WorkloadSpec {
        Objects.requireNonNull(growth, "growth");
        Objects.requireNonNull(churn, "churn");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(profile, "profile");
        models = List.copyOf(models);
        Objects.requireNonNull(tokenSizes, "tokenSizes");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(credit, "credit");
    }
}
