package dev.headroom.sheets;

import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.Money;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.sheets.limits.CellCharacterLimit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The row layout of a ledger tab and the conversion between rows and transactions.
 *
 * <p>A user's tab has the columns {@code transaction_id, timestamp, kind, model, tokens_in,
 * tokens_out, amount_usd, duration_ms}; a shared log tab has {@code email} after the id. Every
 * cell is written as text (RAW), so the values read back are exactly the ones written: the
 * timestamp is ISO-8601 in UTC and the amount has six decimal places. The first row of a tab
 * is a header, which {@link #decode} skips.
 */
final class LedgerRows {

    /** Header cell of the id column, which marks the header row. */
    static final String ID_HEADER = "transaction_id";

    private static final String TIMESTAMP_HEADER = "timestamp";

    private static final List<Object> USER_HEADER = List.of(ID_HEADER, TIMESTAMP_HEADER, "kind",
            "model", "tokens_in", "tokens_out", "amount_usd", "duration_ms");

    private final boolean emailColumn;
    private final String keyHeader;

    private LedgerRows(boolean emailColumn, String keyHeader) {
        this.emailColumn = emailColumn;
        this.keyHeader = keyHeader;
    }

    /** Layout of a tab that contains the rows of one user. */
    static LedgerRows perUser() {
        return new LedgerRows(false, "");
    }

    /** Layout of a tab that contains the rows of every user, with an email column. */
    static LedgerRows sharedLog() {
        return new LedgerRows(true, "email");
    }

    /**
     * Layout of an archive tab: the rows of every user, with a column naming the tab each row
     * came from; {@link #decode} puts that title where the email goes.
     */
    static LedgerRows archive() {
        return new LedgerRows(true, "user_tab");
    }

    /** Returns the header row. */
    List<Object> header() {
        if (!emailColumn) {
            return USER_HEADER;
        }
        List<Object> header = new ArrayList<>(USER_HEADER);
        header.add(1, keyHeader);
        return header;
    }

    /** Returns the last column's letter, such as {@code H}. */
    String lastColumn() {
        return emailColumn ? "I" : "H";
    }

    /** Converts a transaction to a row of text cells. */
    List<Object> encode(Transaction transaction) {
        return encode(transaction, transaction.userEmail());
    }

    /** Converts a transaction to a row of text cells with {@code key} in the second column. */
    List<Object> encode(Transaction transaction, String key) {
        List<Object> row = new ArrayList<>(9);
        row.add(transaction.transactionId());
        if (emailColumn) {
            row.add(key);
        }
        row.add(transaction.timestamp().toString());
        row.add(transaction.kind().name().toLowerCase(Locale.ROOT));
        row.add(transaction.model());
        row.add(Long.toString(transaction.tokensIn()));
        row.add(Long.toString(transaction.tokensOut()));
        row.add(Money.dollars(transaction.amountMicros()).toPlainString());
        row.add(Long.toString(transaction.durationMillis()));
        return row;
    }

    /**
     * Throws {@link InvalidInputException} if a cell of the transaction's row would exceed
     * Google's 50,000 characters per cell. Checking before any call keeps a rejected first row
     * from leaving an empty user tab behind.
     */
    void requireCellsFit(Transaction transaction) {
        List<Object> row = encode(transaction);
        List<Object> columns = header();
        CellCharacterLimit limit = CellCharacterLimit.GOOGLE_DEFAULT;
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i).toString();
            if (!limit.admits(cell)) {
                throw new InvalidInputException("transaction " + abbreviated(transaction)
                        + " has " + cell.length() + " characters in " + columns.get(i)
                        + "; a Sheets cell holds at most " + limit.maxCharacters()
                        + " characters");
            }
        }
    }

    private static String abbreviated(Transaction transaction) {
        String id = transaction.transactionId();
        return id.length() <= 40 ? id : id.substring(0, 40) + "...";
    }

    /**
     * Converts a row back to a transaction, or returns {@code null} for the header row and empty
     * rows.
     *
     * @param email the tab's user; ignored for a shared log, whose rows name their user
     * @throws StoreUnavailableException if the row is not in this layout
     */
    Transaction decode(List<Object> row, String email) {
        int at = emailColumn ? 2 : 1;
        if (row.isEmpty() || cell(row, 0).isEmpty() || isHeader(row, at)) {
            return null;
        }
        try {
            return new Transaction(
                    cell(row, 0),
                    emailColumn ? cell(row, 1) : email,
                    Instant.parse(cell(row, at)),
                    TransactionKind.valueOf(cell(row, at + 1).toUpperCase(Locale.ROOT)),
                    cell(row, at + 2),
                    Long.parseLong(cell(row, at + 3)),
                    Long.parseLong(cell(row, at + 4)),
                    Money.micros(new BigDecimal(cell(row, at + 5))),
                    Long.parseLong(cell(row, at + 6)));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("ledger row " + row + " is not in the expected"
                    + " layout " + header() + "; repair the row in the sheet", e);
        }
    }

    /**
     * Returns whether a row read from at least column A through the timestamp column contains
     * a transaction: a non-empty id and not the header.
     */
    boolean isTransactionRow(List<Object> row) {
        return !cell(row, 0).isEmpty() && !isHeader(row, emailColumn ? 2 : 1);
    }

    /** Returns the letter of the timestamp column, the last column that the header check reads. */
    String timestampColumn() {
        return emailColumn ? "C" : "B";
    }

    /**
     * Returns whether a row is the header. A stored row can have the id {@code transaction_id},
     * but never the text {@code timestamp} in its timestamp column, which always contains an
     * ISO-8601 instant.
     */
    private static boolean isHeader(List<Object> row, int timestampColumn) {
        return ID_HEADER.equals(cell(row, 0))
                && TIMESTAMP_HEADER.equals(cell(row, timestampColumn));
    }

    private static String cell(List<Object> row, int index) {
        return index < row.size() && row.get(index) != null ? row.get(index).toString() : "";
    }
}
