package dev.headroom.ledger;

import java.time.Instant;
import java.util.Locale;

/**
 * Argument checks shared by every {@link UsageLedger} implementation, so that all adapters reject
 * the same invalid input with the same {@link InvalidInputException} message.
 */
public final class LedgerArguments {

    private LedgerArguments() {
    }

    /** Returns {@code transaction}, or throws if it is null. */
    public static Transaction requireTransaction(Transaction transaction) {
        if (transaction == null) {
            throw new InvalidInputException("transaction is missing; pass a Transaction");
        }
        return transaction;
    }

    /** Returns {@code userEmail}, or throws if it is null, blank or not valid UTF-16. */
    public static String requireEmail(String userEmail) {
        if (isBlank(userEmail)) {
            throw new InvalidInputException("userEmail is missing; pass a non-blank email");
        }
        requireWellFormed(userEmail, "userEmail");
        return userEmail;
    }

    /**
     * Throws if the text contains an unpaired UTF-16 surrogate or U+0000. UTF-8 cannot encode a
     * lone surrogate, so the stores' clients replace it, and two different emails could then
     * become one stored user. PostgreSQL's text type cannot hold U+0000, so a NUL is rejected
     * here for every store alike rather than by PostgreSQL alone.
     */
    static void requireWellFormed(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new InvalidInputException(field + " contains U+0000 (NUL) at index " + i
                        + ", which PostgreSQL cannot store; remove it");
            }
            boolean pairStart = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pairStart) {
                i++;
            } else if (Character.isSurrogate(c)) {
                String where = String.format(Locale.ROOT, "U+%04X at index %d", (int) c, i);
                throw new InvalidInputException(field + " has an unpaired UTF-16 surrogate "
                        + where + "; pass valid Unicode text");
            }
        }
    }

    /**
     * Returns whether a text is null or holds only white space, counting the no-break spaces
     * that {@link String#isBlank()} keeps.
     */
    static boolean isBlank(String value) {
        return value == null || value.codePoints()
                .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** Throws unless both bounds are present and {@code from} is not after {@code to}. */
    public static void requireRange(Instant from, Instant to) {
        if (from == null || to == null) {
            throw new InvalidInputException("time range is missing a bound (from " + from
                    + ", to " + to + "); pass both, such as Instant.MIN and Instant.MAX");
        }
        if (from.isAfter(to)) {
            throw new InvalidInputException("time range is invalid: from " + from
                    + " is after to " + to + "; pass from <= to");
        }
    }

    /** Returns {@code usage}, or throws if it is null or not a usage transaction. */
    public static Transaction requireUsage(Transaction usage) {
        requireTransaction(usage);
        if (usage.kind() != TransactionKind.USAGE) {
            throw new InvalidInputException("admit takes a usage transaction, but "
                    + usage.transactionId() + " is a " + usage.kind()
                    + "; store credits with record()");
        }
        return usage;
    }
}
