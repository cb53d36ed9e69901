package dev.headroom.bench;

import dev.headroom.engine.RandomStream;
import dev.headroom.engine.RandomStreams;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A reproducible ledger history for the balance benchmarks: one measured user with a given
 * number of rows, and 500 other users with 100 rows each, so that a read must find the measured
 * user's rows among others. All rows are sorted by timestamp, as a ledger appends them.
 *
 * <p>The measured user makes 10 requests a day, one every 8,640 s, up to a fixed end instant.
 * Every 100th row is a credit of 25 dollars; the others are usage of 200 to 30,000
 * micro-dollars. The other users' rows fall at random seconds within the last 1,000 days.
 *
 * @param targetEmail the measured user's email address
 * @param rows every row of every user, oldest first
 * @param targetBalanceMicros signed sum of the measured user's rows in micro-dollars
 * @param cutoff snapshot cut-off: the timestamp of the first of the measured user's 900 most
 *     recent rows (90 days at 10 requests a day), or of the first row if there are fewer
 */
public record BalanceHistory(String targetEmail, List<Transaction> rows,
        long targetBalanceMicros, Instant cutoff) {

    /** Rows after the snapshot cut-off: 90 days of recent data at 10 requests a day. */
    public static final int RECENT_ROWS = 900;

    static final int OTHER_USERS = 500;
    static final int ROWS_PER_OTHER_USER = 100;

    private static final Instant END = Instant.parse("2026-06-30T00:00:00Z");
    private static final Duration TARGET_GAP = Duration.ofSeconds(8_640);
    private static final int OTHER_SPAN_SECONDS = (int) Duration.ofDays(1_000).toSeconds();
    private static final long CREDIT_MICROS = 25_000_000;
    private static final int CREDIT_EVERY = 100;
    private static final int MIN_USAGE_MICROS = 200;
    private static final int MAX_USAGE_MICROS = 30_000;

    /** Generates the history for a measured user with {@code targetRows} rows (at least 1). */
    public static BalanceHistory generate(int targetRows, long seed) {
        if (targetRows < 1) {
            throw new IllegalArgumentException(
                    "targetRows is " + targetRows + "; it must be at least 1");
        }
        RandomStream random = new RandomStreams(seed).stream("balance-history");
        String[] emails = Emails.generate(OTHER_USERS + 1, seed);
        List<Transaction> rows = new ArrayList<>(targetRows + OTHER_USERS * ROWS_PER_OTHER_USER);
        long balance = 0;
        Instant first = END.minus(TARGET_GAP.multipliedBy(targetRows - 1L));
        for (int i = 0; i < targetRows; i++) {
            Transaction row = row(random, emails[0], i, first.plus(TARGET_GAP.multipliedBy(i)));
            balance += row.balanceDeltaMicros();
            rows.add(row);
        }
        for (int user = 1; user <= OTHER_USERS; user++) {
            for (int i = 0; i < ROWS_PER_OTHER_USER; i++) {
                Instant at = END.minusSeconds(random.nextInt(OTHER_SPAN_SECONDS));
                rows.add(row(random, emails[user], i, at));
            }
        }
        rows.sort(Comparator.comparing(Transaction::timestamp));
        int firstRecent = Math.max(0, targetRows - RECENT_ROWS);
        Instant cutoff = first.plus(TARGET_GAP.multipliedBy(firstRecent));
        return new BalanceHistory(emails[0], List.copyOf(rows), balance, cutoff);
    }

    private static Transaction row(RandomStream random, String email, int index, Instant at) {
        String id = email + "#" + index;
        if (index % CREDIT_EVERY == 0) {
            return Transaction.credit(id, email, at, CREDIT_MICROS);
        }
        long cost = MIN_USAGE_MICROS + random.nextInt(MAX_USAGE_MICROS - MIN_USAGE_MICROS + 1);
        return new Transaction(id, email, at, TransactionKind.USAGE, "gpt-4o-mini",
                200 + random.nextInt(4_000), 50 + random.nextInt(1_000), cost,
                300 + random.nextInt(5_000));
    }
}
