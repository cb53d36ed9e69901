package dev.headroom.scenario;

import java.util.Locale;

/**
 * Checks of scenario text that run before SnakeYAML parses it. SnakeYAML 2.5 reports a
 * character that YAML forbids without a line and column. It also copies its buffer again for
 * every 1,024 characters of one token, so its time grows with the square of a line's length.
 */
final class YamlTextCheck {

    /** The maximum length of a scenario line, in characters. */
    static final int MAX_LINE_CHARACTERS = 100_000;

    private YamlTextCheck() {
    }

    /**
     * Records the first character that YAML forbids and the first line longer than
     * {@link #MAX_LINE_CHARACTERS}. Lines and columns count as SnakeYAML counts them, so they
     * match the positions of its own errors.
     */
    static void check(String text, Problems problems) {
        int line = 1;
        int column = 1;
        boolean forbiddenFound = false;
        boolean longLineFound = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!forbiddenFound && !isPrintable(c)) {
                forbiddenFound = true;
                problems.add(line, column, "", forbiddenMessage(c));
            }
            if (isLineBreak(c, text, i)) {
                line++;
                column = 1;
                continue;
            }
            if (c == '\r') {
                // The CR of a CRLF, whose LF ends the line, so it adds no length.
                continue;
            }
            if (!longLineFound && column > MAX_LINE_CHARACTERS) {
                longLineFound = true;
                problems.add(line, column, "", String.format(Locale.ROOT, "line longer than"
                        + " %,d characters; split the value over several lines or shorten it",
                        MAX_LINE_CHARACTERS));
            }
            column++;
        }
    }

    private static String forbiddenMessage(int c) {
        return String.format(Locale.ROOT, "invalid character U+%04X: YAML allows only tab,"
                + " line breaks and printable characters; delete it", c);
    }

    /** Returns whether YAML 1.1 allows {@code c} in a stream, as SnakeYAML's reader checks. */
    private static boolean isPrintable(int c) {
        return c >= 0x20 && c <= 0x7E
                || c == '\t' || c == '\n' || c == '\r' || c == 0x85
                || c >= 0xA0 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** Returns whether {@code c}, followed by the text at {@code next}, ends a line. */
    private static boolean isLineBreak(int c, String text, int next) {
        if (c == '\r') {
            return next >= text.length() || text.charAt(next) != '\n';
        }
        return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }
}
