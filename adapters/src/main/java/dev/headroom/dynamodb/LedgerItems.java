package dev.headroom.dynamodb;

import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Layout of the ledger table: a partition per user email, and in it one log item per
 * transaction plus, in the running-balance design, one balance item.
 *
 * <p>A log item's sort key is {@code T#<timestamp>#<transaction id>}, with the timestamp in
 * fixed-width UTC ISO-8601 to the nanosecond, so keys sort by time and a time range is one key
 * condition. The balance item's sort key is {@code B}, which sorts before every log item.
 */
final class LedgerItems {

    static final String EMAIL = "email";
    static final String SORT_KEY = "sk";
    static final String LOG_PREFIX = "T#";
    /** Key above every log key: {@code $} is the character after {@code #}. */
    static final String LOG_END = "T$";
    static final String BALANCE_SORT_KEY = "B";

    static final String TRANSACTION_ID = "transactionId";
    static final String TIMESTAMP = "timestamp";
    static final String KIND = "kind";
    static final String MODEL = "model";
    static final String TOKENS_IN = "tokensIn";
    static final String TOKENS_OUT = "tokensOut";
    static final String AMOUNT_MICROS = "amountMicros";
    static final String DURATION_MILLIS = "durationMillis";
    /** Signed change of the balance in micro-dollars: what a balance sum adds up. */
    static final String DELTA_MICROS = "deltaMicros";
    /** Position of the log item in its user's running balance, from 1; running design only. */
    static final String SEQUENCE = "seq";
    /** When the ledger wrote the item, from its clock: the order of equal timestamps. */
    static final String RECORDED_AT = "recordedAt";

    private static final DateTimeFormatter SORTABLE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
                    .withZone(ZoneOffset.UTC);
    private static final Instant EARLIEST = Transaction.MIN_TIMESTAMP;
    private static final Instant LATEST = Transaction.MAX_TIMESTAMP;

    private final Clock clock;

    LedgerItems(Clock clock) {
        this.clock = clock;
    }

    /** Returns the primary key of the item with the given email and sort key. */
    static Map<String, AttributeValue> key(String email, String sortKey) {
        return Map.of(EMAIL, AttributeValue.fromS(email), SORT_KEY, AttributeValue.fromS(sortKey));
    }

    /** Returns the sort key of a transaction's log item. */
    static String logSortKey(Transaction transaction) {
        return timeKey(transaction.timestamp()) + "#" + transaction.transactionId();
    }

    /**
     * Returns the lowest sort key of a log item at or after {@code from}, for range queries.
     * An instant before the year 0000 gives the first log key, and one after the year 9999
     * gives a key above all log keys.
     */
    static String lowerTimeKey(Instant from) {
        if (from.isBefore(EARLIEST)) {
            return LOG_PREFIX;
        }
        return from.isAfter(LATEST) ? LOG_END : timeKey(from);
    }

    /**
     * Returns a sort key above every log item before {@code to} and below every other one.
     * An instant after the year 9999 gives a key above all log keys, and one before the year
     * 0000 gives the first log key.
     */
    static String upperTimeKey(Instant to) {
        if (to.isAfter(LATEST)) {
            return LOG_END;
        }
        return to.isBefore(EARLIEST) ? LOG_PREFIX : timeKey(to);
    }

    /** Returns the recording instant of a log item, or {@link Instant#MIN} when it has none. */
    static Instant recordedAt(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(RECORDED_AT);
        return value == null ? Instant.MIN : Instant.parse(value.s());
    }

    /**
     * Returns {@code T#} and the instant in sortable form: every log key of a transaction at or
     * after {@code instant} sorts after it, and every one before it sorts before it.
     *
     * @throws InvalidInputException if the year is outside 0000 to 9999
     */
    static String timeKey(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException("timestamp " + instant + " is outside the years 0000"
                    + " to 9999 that the DynamoDB ledger's sort key can order");
        }
        return LOG_PREFIX + SORTABLE_TIME.format(instant);
    }

    /**
     * Returns the log item of a transaction, stamped with the clock's current instant;
     * {@code sequence} is 0 in the sum design.
     */
    Map<String, AttributeValue> logItem(Transaction transaction, long sequence) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(EMAIL, AttributeValue.fromS(transaction.userEmail()));
        item.put(SORT_KEY, AttributeValue.fromS(logSortKey(transaction)));
        item.put(TRANSACTION_ID, AttributeValue.fromS(transaction.transactionId()));
        item.put(TIMESTAMP, AttributeValue.fromS(transaction.timestamp().toString()));
        item.put(KIND, AttributeValue.fromS(transaction.kind().name()));
        if (!transaction.model().isEmpty()) {
            item.put(MODEL, AttributeValue.fromS(transaction.model()));
        }
        item.put(TOKENS_IN, number(transaction.tokensIn()));
        item.put(TOKENS_OUT, number(transaction.tokensOut()));
        item.put(AMOUNT_MICROS, number(transaction.amountMicros()));
        item.put(DURATION_MILLIS, number(transaction.durationMillis()));
        item.put(DELTA_MICROS, number(transaction.balanceDeltaMicros()));
        if (sequence > 0) {
            item.put(SEQUENCE, number(sequence));
        }
        item.put(RECORDED_AT, AttributeValue.fromS(clock.instant().toString()));
        return item;
    }

    /** Rebuilds the transaction stored in a log item. */
    static Transaction transaction(Map<String, AttributeValue> item) {
        AttributeValue model = item.get(MODEL);
        return new Transaction(
                item.get(TRANSACTION_ID).s(),
                item.get(EMAIL).s(),
                Instant.parse(item.get(TIMESTAMP).s()),
                TransactionKind.valueOf(item.get(KIND).s()),
                model == null ? "" : model.s(),
                longValue(item, TOKENS_IN),
                longValue(item, TOKENS_OUT),
                longValue(item, AMOUNT_MICROS),
                longValue(item, DURATION_MILLIS));
    }

    /** Returns the sequence of a log item, or 0 when it has none. */
    static long sequence(Map<String, AttributeValue> item) {
        return item.containsKey(SEQUENCE) ? longValue(item, SEQUENCE) : 0;
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static long longValue(Map<String, AttributeValue> item, String attribute) {
        return Long.parseLong(item.get(attribute).n());
    }
}
