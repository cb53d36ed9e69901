package dev.headroom.notebook;

/**
 * The start of a snippet in its cell, for messages.
 *
 * @param line the 1-based line of the cell on which the snippet starts
 * @param text the snippet's first line, shortened to {@value #MAX_TEXT} characters
 */
record SnippetLocation(int line, String text) {

    /** Maximum number of characters of a snippet's first line that a message quotes. */
    static final int MAX_TEXT = 60;

    /**
     * Locates the snippet at the start of {@code rest}, the part of {@code cell} not yet
     * evaluated.
     */
    static SnippetLocation of(String cell, String rest) {
        int start = cell.length() - rest.length();
        while (start < cell.length() && Character.isWhitespace(cell.charAt(start))) {
            start++;
        }
        int end = cell.indexOf('\n', start);
        String firstLine = cell.substring(start, end < 0 ? cell.length() : end).strip();
        if (firstLine.length() > MAX_TEXT) {
            firstLine = firstLine.substring(0, MAX_TEXT) + "...";
        }
        return new SnippetLocation(1 + newlines(cell, 0, start), firstLine);
    }

    /**
     * Returns the 1-based line of the cell that contains {@code position}, an offset into the
     * snippet's source as JShell reports it in a diagnostic. The source may start with the
     * blank lines that preceded the snippet in the cell.
     */
    int lineOf(String snippetSource, long position) {
        int start = 0;
        while (start < snippetSource.length()
                && Character.isWhitespace(snippetSource.charAt(start))) {
            start++;
        }
        int end = (int) Math.max(start, Math.min(position, snippetSource.length()));
        return line + newlines(snippetSource, start, end);
    }

    /** Describes the snippet for a message, as {@code line 3 (var x = 1 / 0;)}. */
    String describe() {
        return "line " + line + " (" + text + ")";
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
