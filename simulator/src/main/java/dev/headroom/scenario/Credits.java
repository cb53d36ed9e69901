package dev.headroom.scenario;

/**
 * The credit users buy, each purchase logged as its own transaction.
 *
 * @param initialMicros credit bought when the user signs up, in micro-dollars
 * @param topUpMicros credit bought at each top-up, in micro-dollars; zero for no top-ups
 * @param topUpBelowMicros the balance under which a user buys a top-up, in micro-dollars
 */
public record Credits(long initialMicros, long topUpMicros, long topUpBelowMicros) {
}
