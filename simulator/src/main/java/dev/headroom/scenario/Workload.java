package dev.headroom.scenario;

import java.util.List;
import java.util.Objects;

/**
 * The requests users make, what they cost, and the rows they leave in the ledger.
 *
 * @param requestRate the distribution of each user's mean requests per day
 * @param profile the hour-of-day and day-of-week modulation of the request rate
 * @param tokenSizes where tokens in and out per request come from
 * @param models the LLM models requested, with shares summing to 1 and prices
 * @param requestDuration how long a chat request takes from admission to logging its cost
 * @param credits the credit users buy
 * @param row the shape of one usage row
 */
public record Workload(
        RateDistribution requestRate,
        ArrivalProfile profile,
        TokenSizes tokenSizes,
        List<ModelPrice> models,
        RequestDuration requestDuration,
        Credits credits,
        RowShape row) {

    public Workload {
        Objects.requireNonNull(requestRate, "requestRate");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(tokenSizes, "tokenSizes");
        models = List.copyOf(models);
        Objects.requireNonNull(requestDuration, "requestDuration");
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(row, "row");
    }
}
