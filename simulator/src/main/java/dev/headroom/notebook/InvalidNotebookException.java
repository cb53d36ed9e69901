package dev.headroom.notebook;

/** Thrown when a notebook file cannot be read or is not an nbformat 4 notebook of Java cells. */
public final class InvalidNotebookException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param where the file, or the file and cell, that is wrong
     * @param problem what is wrong and what to do about it
     */
    public InvalidNotebookException(String where, String problem) {
        super(where + ": " + problem);
    }
}
