package dev.headroom.workload;

/**
 * A malformed line in a request log or a token-size table. The message starts with
 * {@code source:line:column:} (or {@code source:line:} when no column applies) so that editors
 * and terminals can jump to it.
 */
public final class InputFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final long column;

    /**
     * Creates the exception for a whole line.
     *
     * @param source the file name or resource the line came from
     * @param line the 1-based line number
     * @param problem what is wrong and what to do about it
     */
    public InputFormatException(String source, long line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = 0;
    }

    /**
     * Creates the exception for a position in a line.
     *
     * @param source the file name or resource the line came from
     * @param line the 1-based line number
     * @param column the 1-based column, counted in characters (code points)
     * @param problem what is wrong and what to do about it
     */
    public InputFormatException(String source, long line, long column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    /** Returns the 1-based line number of the malformed line. */
    public long line() {
        return line;
    }

    /** Returns the 1-based column of the problem, or 0 when it concerns the whole line. */
    public long column() {
        return column;
    }
}
