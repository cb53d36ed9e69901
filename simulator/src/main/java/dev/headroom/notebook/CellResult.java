package dev.headroom.notebook;

import java.util.Optional;

/**
 * What one code cell produced.
 *
 * @param stdout the text the cell printed to {@code System.out}, possibly empty
 * @param stderr the text the cell printed to {@code System.err}, possibly empty
 * @param value the value of the cell's last snippet as JShell formats it, present only when that
 *     snippet is an expression or a bare variable name
 */
record CellResult(String stdout, String stderr, Optional<String> value) {
}
