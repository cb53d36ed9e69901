package dev.headroom.notebook;

/**
 * Thrown when a code cell does not compile, refers to something undefined, or throws. The
 * message names the cell by its 1-based number among all cells of the notebook, and quotes
 * JShell's diagnostic or the exception the cell threw.
 */
public final class CellFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int cellNumber;

    /**
     * Creates the exception.
     *
     * @param cellNumber the 1-based position of the cell among all cells of the notebook
     * @param detail JShell's diagnostic or the thrown exception, with the snippet it concerns
     */
    public CellFailedException(int cellNumber, String detail) {
        super("cell " + cellNumber + " failed: " + detail);
        this.cellNumber = cellNumber;
    }

    /** Returns the 1-based position of the failed cell among all cells of the notebook. */
    public int cellNumber() {
        return cellNumber;
    }
}
