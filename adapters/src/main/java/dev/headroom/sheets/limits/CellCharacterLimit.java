package dev.headroom.sheets.limits;

import dev.headroom.sheets.limits.SheetsLimitException.Rule;

/**
 * Google's maximum number of characters in one cell: 50,000. A longer value fails with HTTP 400
 * and the text of {@link #message()} (Sheets API v4 error quoted in
 * https://qiita.com/koshilife/items/5aff56c1bb9e5d31067f, 2019, read 2026-12).
 *
 * <p>NOTE: characters are counted as UTF-16 code units, as JavaScript and Apps Script count
 * them; whether Google counts a character outside the Basic Multilingual Plane once or twice
 * is not documented.
 *
 * @param maxCharacters the largest number of characters allowed in one cell, at least 1
 */
public record CellCharacterLimit(int maxCharacters) {

    /** Google's limit of 50,000 characters per cell. */
    public static final CellCharacterLimit GOOGLE_DEFAULT = new CellCharacterLimit(50_000);

    public CellCharacterLimit {
        if (maxCharacters < 1) {
            throw new IllegalArgumentException("maxCharacters must be at least 1, got "
                    + maxCharacters);
        }
    }

    /** Returns whether a cell may hold the given text. */
    public boolean admits(CharSequence value) {
        return value.length() <= maxCharacters;
    }

    /**
     * Checks that a cell may hold the given text.
     *
     * @throws SheetsLimitException with rule {@link Rule#CHARACTERS_PER_CELL} when it is too long
     */
    public void requireAdmits(CharSequence value) {
        if (!admits(value)) {
            throw new SheetsLimitException(Rule.CHARACTERS_PER_CELL, message());
        }
    }

    /** Returns Google's text for a value that is too long. */
    public String message() {
        return "Your input contains more than the maximum of " + maxCharacters
                + " characters in a single cell.";
    }
}
