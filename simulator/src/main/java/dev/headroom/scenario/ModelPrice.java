package dev.headroom.scenario;

import java.util.Objects;

/**
 * One LLM model that users request, its share of requests and its prices.
 *
 * @param name the model's name as the proxy logs it, such as {@code gpt-4o-mini}
 * @param share the fraction of requests that use this model, in {@code (0, 1]}
 * @param inputMicrosPerMillionTokens price of one million prompt tokens, in micro-dollars
 * @param outputMicrosPerMillionTokens price of one million completion tokens, in micro-dollars
 */
public record ModelPrice(
        String name,
        double share,
        long inputMicrosPerMillionTokens,
        long outputMicrosPerMillionTokens) {

    public ModelPrice {
        Objects.requireNonNull(name, "name");
    }
}
