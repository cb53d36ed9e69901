package dev.headroom.sheets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Maps a user's email to the title of the user's tab.
 *
 * <p>Every title is valid: 1 to {@value #MAX_LENGTH} characters, no control characters, none of
 * the characters that Excel forbids in a sheet name ({@code / \ ? * : [ ]}), no apostrophe
 * (Excel rejects one at either end) and never Excel's reserved name {@code History}. Google
 * Sheets caps a title at 100 characters, as a maintainer's comment of 2017-10-16 in
 * https://github.com/hildogjr/KiCost/issues/52 states. The Excel rules are Microsoft's, quoted in
 * https://github.com/SheetJS/sheetjs/issues/2458 (2021-11-22). Both were read in 2026-12.
 *
 * <p>A title is readable: an email with an {@code @}, made only of lower-case ASCII letters,
 * digits and {@code . _ - + @}, that fits in 100 characters is its own title. Any other email
 * (such as {@code history}, Excel's reserved name) gets a
 * sanitized, lower-cased prefix, a {@code ~} and 20 base-32 characters of the SHA-256 of the
 * exact email. The mapping is injective even when titles are compared ignoring case, as Sheets
 * and Excel compare them: readable titles never contain {@code ~}, so they cannot equal a hashed
 * title. Two hashed titles are equal only if 100 bits of SHA-256 collide, which for a million
 * users happens with a probability below 10^-18.
 *
 * <p>Every title contains {@code @} or {@code ~} and never a space. The tabs that the ledgers keep
 * for themselves have a space in their titles, and a new workbook's default tab ({@code Sheet1})
 * has neither character, so {@link #isUserTitle} separates all of them from users' tabs.
 */
public final class TabTitles {

    /** Maximum length of a tab title, in UTF-16 characters. */
    public static final int MAX_LENGTH = 100;

    /** Length of the base-32 hash suffix of a hashed title. */
    static final int HASH_LENGTH = 20;

    private static final char HASH_SEPARATOR = '~';
    private static final char REPLACEMENT = '_';
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String FORBIDDEN = "/\\?*:[]'";
    private static final String EXCEL_RESERVED = "history";

    private TabTitles() {
    }

    /** Returns the title of the tab that contains the rows of {@code email}. */
    public static String forEmail(String email) {
        if (email == null || email.isEmpty()) {
            throw new IllegalArgumentException("email is missing; give a non-empty email");
        }
        StringBuilder readable = new StringBuilder(Math.min(email.length(), MAX_LENGTH));
        boolean lossy = false;
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (isReadable(c)) {
                readable.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                readable.append((char) (c + ('a' - 'A')));
                lossy = true;
            } else {
                readable.append(REPLACEMENT);
                lossy = true;
            }
        }
        if (email.indexOf('@') < 0) {
            lossy = true;
        }
        if (!lossy && readable.length() <= MAX_LENGTH) {
            return readable.toString();
        }
        int prefixLength = Math.min(readable.length(), MAX_LENGTH - 1 - HASH_LENGTH);
        return readable.substring(0, prefixLength) + HASH_SEPARATOR + hash(email);
    }

    /**
     * Returns whether {@code title} is a valid tab title under the rules in the class Javadoc.
     */
    public static boolean isValid(String title) {
        if (title == null || title.isEmpty() || title.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0) {
                return false;
            }
        }
        return !comparable(title).equals(EXCEL_RESERVED);
    }

    /**
     * Returns whether {@code title} could be the title of a user's tab: valid, without a space
     * and with an {@code @} or a {@code ~}.
     */
    public static boolean isUserTitle(String title) {
        return isValid(title) && title.indexOf(' ') < 0
                && (title.indexOf('@') >= 0 || title.indexOf(HASH_SEPARATOR) >= 0);
    }

    /** Returns the title in the case that Sheets and Excel use to compare titles. */
    static String comparable(String title) {
        return title.toLowerCase(Locale.ROOT);
    }

    private static boolean isReadable(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-' || c == '+' || c == '@';
    }

    private static String hash(String email) {
        byte[] digest = sha256(email.getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder(HASH_LENGTH);
        long buffer = 0;
        int bits = 0;
        int index = 0;
        while (out.length() < HASH_LENGTH) {
            if (bits < 5) {
                buffer = (buffer << 8) | (digest[index++] & 0xFF);
                bits += 8;
            }
            bits -= 5;
            out.append(BASE32.charAt((int) ((buffer >>> bits) & 0x1F)));
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
