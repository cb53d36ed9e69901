package dev.headroom.run;

/**
 * The top-ups of a day: the credit users bought after signing up, each purchase its own ledger
 * row. A top-up counts as bought once the ledger stores its row. An attempt whose row the backend
 * failed to store buys nothing and counts as failed. A later request buys again while the
 * balance is still below the threshold or the request is rejected for credit. So one purchase
 * can fail more than once before it is stored, and is never stored if the user leaves first.
 *
 * @param bought top-ups whose credit row the ledger stored
 * @param micros the credit those top-ups bought, in micro-dollars
 * @param failed top-up attempts whose credit row the backend failed to store
 */
public record TopUps(long bought, long micros, long failed) {

    /** No top-up and no failed attempt. */
    public static final TopUps NONE = new TopUps(0, 0, 0);

    /** Returns these top-ups with one more bought for {@code amountMicros}. */
    TopUps plusBought(long amountMicros) {
        return new TopUps(bought + 1, Math.addExact(micros, amountMicros), failed);
    }

    /** Returns these top-ups with one more failed attempt. */
    TopUps plusFailed() {
        return new TopUps(bought, micros, failed + 1);
    }
}
