package dev.headroom.cli;

/**
 * A problem with the user's input that the user can fix; the CLI prints its message alone and
 * exits with {@link Main#EXIT_BAD_INPUT}.
 */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
