package dev.headroom.workload;

import dev.headroom.engine.RandomStream;
import java.util.Objects;

/** Draws the attributes of each chat request: model, token counts, cost and duration. */
public final class RequestGenerator {

    private final ModelMix models;
    private final TokenSizeTable tokenSizes;
    private final DurationModel duration;

    public RequestGenerator(ModelMix models, TokenSizeTable tokenSizes, DurationModel duration) {
        this.models = Objects.requireNonNull(models, "models");
        this.tokenSizes = Objects.requireNonNull(tokenSizes, "tokenSizes");
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    public ModelMix models() {
        return models;
    }

    /**
     * Draws one request. The model and the token counts come from {@code sizes} (three draws),
     * the duration from {@code durations}, so a change in the duration model leaves the sizes of
     * every request unchanged.
     */
    public Request draw(RandomStream sizes, RandomStream durations) {
        int modelIndex = models.drawIndex(sizes);
        ModelOption model = models.option(modelIndex);
        long tokensIn = tokenSizes.drawTokensIn(sizes);
        long tokensOut = tokenSizes.drawTokensOut(sizes);
        long cost = model.costMicros(tokensIn, tokensOut);
        long millis = duration.drawMillis(tokensIn, tokensOut, durations);
        return new Request(modelIndex, model.name(), tokensIn, tokensOut, cost, millis);
    }
}
