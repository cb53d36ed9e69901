package dev.headroom.scenario;

/**
 * One problem found in a scenario file.
 *
 * @param file the file name as the user gave it, or the bundled resource's name
 * @param line the 1-based line of the offending key or value
 * @param column the 1-based column of the offending key or value
 * @param path the field path, such as {@code plan.phases[1].backend.workbooks}, or empty for
 *     the whole document
 * @param message what is wrong and what to do, joined by a semicolon
 */
public record ScenarioProblem(String file, int line, int column, String path, String message) {

    /** Returns {@code FILE:LINE:COLUMN: FIELD.PATH: message}, the form every tool prints. */
    @Override
    public String toString() {
        String field = path.isEmpty() ? "" : path + ": ";
        return file + ":" + line + ":" + column + ": " + field + message;
    }
}
