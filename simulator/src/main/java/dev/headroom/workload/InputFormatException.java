package dev.headroom.workload;

/**
 * A malformed line in a request log or a token-size table. The message starts with
 * {@code source:line:} so that editors and terminals can jump to it.
 */
public final class InputFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /**
     * Creates the exception.
     *
     * @param source the file name or resource the line came from
     * @param line the 1-based line number
     * @param problem what is wrong and what to do about it
     */
    public InputFormatException(String source, long line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** Returns the 1-based line number of the malformed line. */
    public long line() {
        return line;
    }
}
