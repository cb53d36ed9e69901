package dev.headroom.workload;

/**
 * One chat request as its usage row records it.
 *
 * @param modelIndex index of the model in the {@link ModelMix}
 * @param model the model's name
 * @param tokensIn prompt tokens
 * @param tokensOut generated tokens
 * @param costMicros exact cost in micro-dollars
 * @param durationMillis time from arrival to the end of the request, in milliseconds
 */
public record Request(
        int modelIndex,
        String model,
        long tokensIn,
        long tokensOut,
        long costMicros,
        long durationMillis) {
}
