package dev.headroom.ledger;

import java.time.Instant;

/**
 * One row of a user's usage ledger.
 *
 * @param transactionId caller-chosen unique id; recording the same id twice changes nothing
 * @param userEmail the user's email address, the ledger's user key
 * @param timestamp when the request ended or the credit was bought, from
 *     {@link #MIN_TIMESTAMP} to {@link #MAX_TIMESTAMP}
 * @param kind usage or credit purchase
 * @param model model name of a usage row; empty for a credit purchase
 * @param tokensIn prompt tokens, zero for a credit purchase
 * @param tokensOut generated tokens, zero for a credit purchase
 * @param amountMicros cost or credit in micro-dollars, from zero to {@link #MAX_AMOUNT_MICROS}
 * @param durationMillis request duration in milliseconds, zero for a credit purchase
 */
public record Transaction(
        String transactionId,
        String userEmail,
        Instant timestamp,
        TransactionKind kind,
        String model,
        long tokensIn,
        long tokensOut,
        long amountMicros,
        long durationMillis) {

    /**
     * The largest amount of one transaction, $1,000,000. A balance then overflows a
     * {@code long} only after more than nine million such transactions for one user, so every
     * store can add amounts without checking for overflow.
     */
    public static final long MAX_AMOUNT_MICROS = 1_000_000_000_000L;

    /**
     * The earliest timestamp, the start of the year 0000 in UTC. Timestamps are kept to
     * four-digit years because DynamoDB and Sheets store them as ISO-8601 text, and so that
     * {@link Instant#MIN} and {@link Instant#MAX} bound a listing of every row.
     */
    public static final Instant MIN_TIMESTAMP = Instant.parse("0000-01-01T00:00:00Z");

    /** The latest timestamp, the last nanosecond of the year 9999 in UTC. */
    public static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * Validates the fields and throws {@link InvalidInputException} naming the first bad one.
     * Text fields must not contain an unpaired UTF-16 surrogate.
     */
    public Transaction {
        requireText(transactionId, "transactionId");
        requireText(userEmail, "userEmail");
        requirePresent(timestamp, "timestamp");
        if (timestamp.isBefore(MIN_TIMESTAMP) || timestamp.isAfter(MAX_TIMESTAMP)) {
            throw new InvalidInputException("timestamp is " + timestamp + "; it must be from "
                    + MIN_TIMESTAMP + " to " + MAX_TIMESTAMP);
        }
        requirePresent(kind, "kind");
        model = model == null ? "" : model;
        LedgerArguments.requireWellFormed(model, "model");
        requireNotNegative(tokensIn, "tokensIn");
        requireNotNegative(tokensOut, "tokensOut");
        requireNotNegative(amountMicros, "amountMicros");
        if (amountMicros > MAX_AMOUNT_MICROS) {
            throw new InvalidInputException("amountMicros is " + amountMicros + "; it must be at"
                    + " most " + MAX_AMOUNT_MICROS + " ($1,000,000) per transaction");
        }
        requireNotNegative(durationMillis, "durationMillis");
    }

    /** Creates a credit purchase of {@code amountMicros} for {@code userEmail}. */
    public static Transaction credit(
            String transactionId, String userEmail, Instant timestamp, long amountMicros) {
        return new Transaction(transactionId, userEmail, timestamp, TransactionKind.CREDIT, "",
                0, 0, amountMicros, 0);
    }

    /** Returns the signed change this transaction makes to the balance, in micro-dollars. */
    public long balanceDeltaMicros() {
        return kind == TransactionKind.CREDIT ? amountMicros : -amountMicros;
    }

    private static void requireText(String value, String field) {
        if (LedgerArguments.isBlank(value)) {
            throw new InvalidInputException(field + " is missing; give a non-blank value");
        }
        LedgerArguments.requireWellFormed(value, field);
    }

    private static void requirePresent(Object value, String field) {
        if (value == null) {
            throw new InvalidInputException(field + " is missing; give a value");
        }
    }

    private static void requireNotNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidInputException(
                    field + " is " + value + "; it must be zero or positive");
        }
    }
}
