package dev.headroom.report;

import dev.headroom.projection.Projections;
import dev.headroom.run.PhaseInfo;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Escapes text from the scenario, such as the scenario's and the phases' names, for the
 * Markdown reports. A name escaped so renders as written: it cannot split a table row, start
 * emphasis, a link, a code span or HTML, or close a heading early.
 *
 * <p>The scenario reader rejects names with a line break or another control character, so a
 * name never starts a line of the report. That leaves inline Markdown and the table cell
 * separator to escape. The fenced blocks of {@code report.md} hold names unescaped: a fence
 * closes only at a line that starts with backticks, and each of their lines starts with a
 * field name.
 */
final class MarkdownText {

    /** ASCII punctuation that starts inline Markdown, a GFM table cell or an entity. */
    private static final String ALWAYS_ESCAPED = "\\`*[]<|#&~";

    private MarkdownText() {
    }

    /**
     * Returns {@code text} escaped for Markdown prose, a heading or a GFM table cell. It puts a
     * backslash before each character that could start markup, and writes U+2028 and U+2029,
     * which some viewers show as line breaks, as character references. An underscore between
     * two letters or digits cannot start emphasis, so it stays as it is, and a name such as
     * {@code start_by} reads the same in the Markdown source. GitHub renders text between two
     * dollar signs as math, so in a text with two or more dollar signs, such as {@code $x$},
     * each is escaped, and a text with one, such as {@code monthly_cost > $20}, keeps it plain.
     * NOTE: a name with one dollar sign can still pair with a money amount in the same sentence
     * of a note, such as {@code a$b ($5.00)}. The rendered text equals
     * {@code text}, so two texts escape to the same result only when they are equal.
     * Inside a code span a backslash renders as itself, so the result is not for code spans.
     */
    static String escape(String text) {
        boolean escapeDollars = text.indexOf('$') != text.lastIndexOf('$');
        StringBuilder escaped = new StringBuilder(text.length());
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c == '\u2028' || c == '\u2029') {
                escaped.append(String.format(Locale.ROOT, "&#x%04X;", (int) c));
                continue;
            }
            if (ALWAYS_ESCAPED.indexOf(c) >= 0 || c == '_' && !isIntraword(text, index)
                    || c == '$' && escapeDollars) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /**
     * Returns a copy of {@code table} with every text cell {@linkplain #escape escaped}, for a
     * Markdown table. Numbers and money keep their columns' types.
     */
    static Table escapeCells(Table table) {
        Table copy = table.copy();
        for (Column<?> column : copy.columns()) {
            if (column instanceof StringColumn) {
                StringColumn text = (StringColumn) column;
                for (int row = 0; row < text.size(); row++) {
                    text.set(row, escape(text.get(row)));
                }
            }
        }
        return copy;
    }

    /**
     * Returns a copy of the projections with every text cell and every phase name
     * {@linkplain #escape escaped}. The notes of {@code report.md} are built from this copy, so
     * each name they quote from a table or the plan comes escaped. Escaping keeps distinct
     * names distinct, so the notes match phases across tables as they do on the raw names.
     */
    static Projections escapeNames(Projections projections) {
        List<PhaseInfo> phases = projections.phases().stream()
                .map(phase -> new PhaseInfo(escape(phase.name()), phase.backend(),
                        phase.workbooks(), phase.nominalMaxUsers(), phase.leadTimeMillis(),
                        phase.failureTrigger()))
                .toList();
        return new Projections(escapeCells(projections.daily()),
                escapeCells(projections.limits()), escapeCells(projections.capacity()),
                escapeCells(projections.costs()), escapeCells(projections.hostingByComponent()),
                escapeCells(projections.phaseCosts()),
                escapeCells(projections.phaseHostingByComponent()),
                escapeCells(projections.changes()), escapeCells(projections.outages()), phases);
    }

    private static boolean isIntraword(String text, int index) {
        return index > 0 && index + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(index - 1))
                && Character.isLetterOrDigit(text.charAt(index + 1));
    }
}
