package dev.headroom.workload;

import java.util.Objects;

/**
 * One LLM model that requests may use, its share of requests and its prices.
 *
 * @param name the model name written in usage rows, such as {@code gpt-4o-mini}
 * @param share relative share of requests, zero or more; shares need not sum to 1
 * @param inputMicrosPerMillion price of one million prompt tokens, in micro-dollars
 * @param outputMicrosPerMillion price of one million generated tokens, in micro-dollars
 */
public record ModelOption(
        String name, double share, long inputMicrosPerMillion, long outputMicrosPerMillion) {

    private static final long TOKENS_PER_MILLION = 1_000_000L;

    public ModelOption {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("model name is blank; give the name usage rows use");
        }
        Checks.notNegative(share, "share of model " + name);
        Checks.notNegative(inputMicrosPerMillion, "input price of model " + name);
        Checks.notNegative(outputMicrosPerMillion, "output price of model " + name);
    }

    /**
     * Returns the exact cost of one request in micro-dollars, rounded up to a whole micro-dollar
     * so that a request with tokens is never free when its prices are not.
     *
     * @throws ArithmeticException if the cost overflows a {@code long}
     */
    public long costMicros(long tokensIn, long tokensOut) {
        long scaled = Math.addExact(Math.multiplyExact(tokensIn, inputMicrosPerMillion),
                Math.multiplyExact(tokensOut, outputMicrosPerMillion));
        return Math.floorDiv(scaled + TOKENS_PER_MILLION - 1, TOKENS_PER_MILLION);
    }
}
