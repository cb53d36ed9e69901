package dev.headroom.run;

/**
 * The chat requests of a day whose cost the ledger stored, so that the user paid for them: their
 * count, tokens and cost. That is the usage row, or under an atomic debit the debit taken when
 * the request started. A request whose cost was not stored is not billed.
 *
 * @param requests requests billed
 * @param tokensIn prompt tokens of those requests
 * @param tokensOut generated tokens of those requests
 * @param micros their cost to users, in micro-dollars
 */
public record BilledUsage(long requests, long tokensIn, long tokensOut, long micros) {

    /** No billed request. */
    public static final BilledUsage NONE = new BilledUsage(0, 0, 0, 0);

    /** Returns this usage with one more billed request. */
    BilledUsage plus(long requestTokensIn, long requestTokensOut, long requestMicros) {
        return new BilledUsage(requests + 1, Math.addExact(tokensIn, requestTokensIn),
                Math.addExact(tokensOut, requestTokensOut), Math.addExact(micros, requestMicros));
    }
}
