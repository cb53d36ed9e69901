package dev.headroom.notebook;

import java.util.Optional;

/**
 * What one code cell produced.
 *
 * @param stdout the text the cell printed to {@code System.out}, possibly empty
 * @param stderr the text the cell printed to {@code System.err}, possibly empty
 * @param value JShell's text of the value of the cell's last snippet when that snippet is an
 *     expression, as the JShell tool would echo it; empty otherwise
 */
record CellResult(String stdout, String stderr, Optional<String> value) {
}
