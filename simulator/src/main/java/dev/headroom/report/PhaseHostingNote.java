package dev.headroom.report;

import dev.headroom.projection.PhaseHostingTable;
import dev.headroom.projection.Projections;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The lines on the hosting of each phase by component: in the summary and {@code report.md},
 * one line per phase that paid for hosting naming its largest components, and in
 * {@code report.md} a note under the table.
 */
final class PhaseHostingNote {

    /** The components a phase's line names by name; the rest are summed into one figure. */
    static final int NAMED = 2;

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private PhaseHostingNote() {
    }

    /** Returns the note under the table: what the rows are and how they are rounded. */
    static String text(Projections projections) {
        if (projections.phaseHostingByComponent().rowCount() <= 1) {
            // Only Sheets phases leave the cost by year with no component column, after the
            // year and hosting columns. A billed backend may still come to zero, as a DynamoDB
            // phase with no request and its storage under the free tier does.
            return projections.hostingByComponent().columnCount() <= 2
                    ? "No phase had a hosting cost: the Google Sheets API is free of charge."
                    : "No phase had a hosting cost.";
        }
        return String.format(Locale.ROOT, "One row per phase and component the phase paid"
                + " for, with the days counted as in the cost by phase: a new phase's instance"
                + " and node hours from the start of the migration to it fall on the old"
                + " phase's days. Each phase's hosting is rounded to the cent as in the cost by"
                + " phase, and its components to cents that add up to it: each rounded down,"
                + " then a cent more for those with the largest remainders. `%s.csv`"
                + " holds the exact micro-dollars, whose rows add up to each phase's hosting in"
                + " `phase-costs.csv` and, by component, to the totals of"
                + " `hosting-by-component.csv`.", PhaseHostingTable.NAME);
    }

    /**
     * Returns one line per phase that paid for hosting, in plan order: its hosting, its
     * {@value #NAMED} largest components with their share of it, and the sum of the others.
     * The dollars are those of the rounded table, so a line's figures add up to its hosting,
     * which is the cost by phase's printed hosting.
     */
    static List<String> lines(Projections projections) {
        Table exact = projections.phaseHostingByComponent();
        Map<String, List<Integer>> rowsByPhase = new LinkedHashMap<>();
        // The last row is the total.
        for (int row = 0; row < exact.rowCount() - 1; row++) {
            rowsByPhase.computeIfAbsent(exact.stringColumn("phase").get(row),
                    phase -> new ArrayList<>()).add(row);
        }
        LongColumn printed = PhaseHostingCents.rounded(exact).longColumn("hosting_cost_micros");
        List<String> lines = new ArrayList<>();
        rowsByPhase.forEach((phase, rows) -> lines.add(line(exact, printed, phase, rows)));
        if (!lines.isEmpty()) {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " `"
                    + PhaseHostingTable.NAME + ".csv` has every component of every phase.");
        }
        return lines;
    }

    /**
     * Formats the line of one phase from its {@code rows} of {@code exact}. The dollars come
     * from {@code printed}, the rounded hosting column, and the shares from the exact
     * micro-dollars.
     */
    private static String line(Table exact, LongColumn printed, String phase,
            List<Integer> rows) {
        LongColumn exactMicros = exact.longColumn("hosting_cost_micros");
        long exactTotal = 0;
        long printedTotal = 0;
        for (int row : rows) {
            exactTotal += exactMicros.getLong(row);
            printedTotal += printed.getLong(row);
        }
        // Largest first; a stable sort keeps the component order among equal costs.
        List<Integer> largest = new ArrayList<>(rows);
        largest.sort(Comparator.comparingLong((Integer row) -> exactMicros.getLong(row))
                .reversed());
        int named = Math.min(NAMED, largest.size());
        long[] exactParts = new long[largest.size() > NAMED ? NAMED + 1 : named];
        long[] printedParts = new long[exactParts.length];
        for (int index = 0; index < largest.size(); index++) {
            int part = Math.min(index, NAMED);
            exactParts[part] += exactMicros.getLong(largest.get(index));
            printedParts[part] += printed.getLong(largest.get(index));
        }
        String[] shares = percents(exactParts, exactTotal);
        List<String> parts = new ArrayList<>();
        for (int part = 0; part < exactParts.length; part++) {
            String name = part < named
                    ? exact.stringColumn("component").get(largest.get(part))
                    : Cells.count(largest.size() - NAMED, "other component");
            parts.add(name + " " + Cells.dollars(printedParts[part]) + " (" + shares[part] + ")");
        }
        return "Hosting of " + phase + ", " + Cells.dollars(printedTotal) + ": "
                + Cells.joinWithAnd(parts) + ".";
    }

    /**
     * Returns each part's share of {@code whole} as a whole percentage. The shares are rounded
     * by largest remainder, so parts that make up the whole print shares that add up to 100%. A
     * part above zero whose share rounds to 0 prints {@code <1%}, and a part below the whole
     * whose share rounds to 100 prints {@code >99%}.
     */
    static String[] percents(long[] parts, long whole) {
        long[] shares = new long[parts.length];
        long[] remainders = new long[parts.length];
        long left = 100;
        for (int index = 0; index < parts.length && whole != 0; index++) {
            // A part times 100 can pass Long.MAX_VALUE, but its remainder stays below whole.
            BigInteger[] quotientAndRemainder = BigInteger.valueOf(parts[index]).multiply(HUNDRED)
                    .divideAndRemainder(BigInteger.valueOf(whole));
            shares[index] = quotientAndRemainder[0].longValueExact();
            remainders[index] = quotientAndRemainder[1].longValueExact();
            left -= shares[index];
        }
        for (; left > 0 && whole > 0; left--) {
            int largest = -1;
            for (int index = 0; index < parts.length; index++) {
                if (remainders[index] > 0
                        && (largest < 0 || remainders[index] > remainders[largest])) {
                    largest = index;
                }
            }
            if (largest < 0) {
                break;
            }
            shares[largest]++;
            remainders[largest] = 0;
        }
        String[] text = new String[parts.length];
        for (int index = 0; index < parts.length; index++) {
            if (shares[index] == 0 && parts[index] > 0) {
                text[index] = "<1%";
            } else if (shares[index] == 100 && parts[index] < whole) {
                text[index] = ">99%";
            } else {
                text[index] = String.format(Locale.ROOT, "%d%%", shares[index]);
            }
        }
        return text;
    }
}
