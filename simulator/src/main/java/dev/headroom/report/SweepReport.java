package dev.headroom.report;

import dev.headroom.projection.LimitTimeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Writes and prints the tables of a seed sweep: one CSV file per table, named after it, and
 * {@code sweep.md}. Every file starts with the sweep's header: the tool, the scenario as given,
 * the seeds and the days. Like a run's reports, the files hold no wall-clock time. Notes on the
 * advised triggers follow the tables in the printed summary and {@code sweep.md}, under a title
 * of their own, and are left out with their title when there are none.
 *
 * @param header the header of the scenario as given; its seed is the file's own
 * @param seeds the seeds run, in order
 * @param tables the sweep's tables, in the order they are written
 * @param notes the lines printed after the tables, one paragraph each
 */
public record SweepReport(ReportHeader header, List<Long> seeds, List<Table> tables,
        List<String> notes) {

    /** The name of the Markdown report in the output folder. */
    public static final String MARKDOWN_FILE = "sweep.md";

    /** The names of every file that {@link #write} writes. */
    public static final List<String> FILE_NAMES = List.of("sweep-limits.csv",
            "sweep-changes.csv", "sweep-runs.csv", "sweep-totals.csv", MARKDOWN_FILE);

    /** The title printed above the notes. */
    static final String NOTES_TITLE = "Notes on the advised triggers";

    /**
     * The paragraph after the phase changes that explains how to act on the start-by columns. It is
     * printed when some move has a {@code start_by_p10}, so some seed's old phase failed.
     */
    static final String ADVICE_NOTE = "start_by_p10 is the 10th percentile of the seeds'"
            + " start_by days, each the last day the move could start and still go live, after"
            + " the new phase's lead time, before its old phase first failed. It leaves out the"
            + " seeds counted in no_time_in, which no trigger on the old phase helps, unless"
            + " every seed is one. A date trigger on the old phase no later than start_by_p10,"
            + " or a users trigger at or below users_trigger_p10, would have started the move in"
            + " time in at least nine of ten of the other seeds, and in every one of them with"
            + " fewer than ten seeds. When the loader would reject that users trigger, a note"
            + " after the tables names what to change. Sweep again after changing a trigger,"
            + " because a move started earlier changes what fails next.";

    /**
     * The paragraph after the phase changes for seeds that no trigger on a move's old phase
     * helps. The sweep advises nothing for them, but a run of one such seed does.
     */
    static final String NO_TIME_NOTE = "no_time_in counts the seeds whose old phase failed so"
            + " soon after it began to serve that no trigger on it could start the move in time,"
            + " and the start-by columns leave them out unless every seed is one. Those seeds"
            + " need the old phase to go live sooner, or not at all. Run one of them alone with"
            + " `headroom run --seed`. Its warning names the day by which the move into the old"
            + " phase had to start when one could, or offers to skip the old phase, or to start"
            + " the plan on the new phase when the old one is the first.";

    public SweepReport {
        seeds = List.copyOf(seeds);
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    /**
     * Writes every file, creating the folder if needed and replacing files of the same names.
     *
     * @return the files written, in order
     */
    public List<Path> write(Path folder) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Table table : tables) {
            texts.put(table.name() + ".csv", ReportWriter.csv(headerLines(), table));
        }
        texts.put(MARKDOWN_FILE, markdown());
        return ReportFiles.writeAll(folder, texts);
    }

    /** Returns the text printed after a sweep, ending with the folder the files went to. */
    public String summary(String outFolder) {
        StringBuilder text = new StringBuilder();
        text.append("Scenario '").append(header.scenarioName()).append("', ")
                .append(Cells.count(seeds.size(), "seed")).append(" (").append(seedText())
                .append("), ").append(Cells.count(header.days(), "day")).append("\n\n");
        for (Table table : tables) {
            text.append(title(table)).append('\n').append(TableText.plain(table));
            adviceNotes(table).forEach(note -> text.append(note).append('\n'));
            text.append('\n');
        }
        if (!notes.isEmpty()) {
            text.append(NOTES_TITLE).append('\n');
            notes.forEach(note -> text.append(note).append('\n'));
            text.append('\n');
        }
        text.append("Reports written to ").append(outFolder).append('\n');
        return text.toString();
    }

    /** Returns the Markdown report. */
    String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("# Headroom seed sweep: ").append(MarkdownText.escape(header.scenarioName()))
                .append("\n\n");
        text.append("```\n");
        runLines().forEach(line -> text.append(line).append('\n'));
        text.append("```\n\n");
        text.append("Percentiles take the nearest rank, so each is a value one seed gave. A seed")
                .append(" in which an event never happened counts as later than every date, so")
                .append(" the p-th percentile is `not reached` when fewer than p percent of the")
                .append(" seeds saw it.\n\n");
        for (Table table : tables) {
            text.append("## ").append(title(table)).append("\n\n")
                    .append(TableText.markdown(MarkdownText.escapeCells(table))).append('\n');
            adviceNotes(table).forEach(note -> text.append(note).append("\n\n"));
        }
        if (!notes.isEmpty()) {
            text.append("## ").append(NOTES_TITLE).append("\n\n");
            // The notes hold no markup, so escaping each whole note escapes the names in it.
            notes.forEach(note -> text.append(MarkdownText.escape(note)).append("\n\n"));
        }
        text.append("## Parameters\n\n");
        text.append("The effective value of every scenario field, defaults included. Each run")
                .append(" used one of the seeds in place of the file's seed.\n\n```\n");
        parameters().forEach(line -> text.append(line).append('\n'));
        text.append("```\n");
        return text.toString();
    }

    private List<String> runLines() {
        List<String> lines = new ArrayList<>();
        for (String line : header.runLines()) {
            if (line.startsWith("seed: ")) {
                lines.add("seeds: " + seedText());
            } else if (line.startsWith("scenario-hash: ")) {
                lines.add(line + " (the file with its own seed; each run's hash covers its seed)");
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    private List<String> headerLines() {
        List<String> lines = runLines();
        parameters().forEach(parameter -> lines.add("parameter " + parameter));
        return lines;
    }

    /** Returns the effective parameters, with the file's seed replaced by the sweep's seeds. */
    private List<String> parameters() {
        List<String> lines = new ArrayList<>();
        for (String parameter : header.parameters()) {
            lines.add(parameter.startsWith("seed: ") ? "seed: " + seedText() : parameter);
        }
        return lines;
    }

    /** Returns the seeds as the option takes them, with runs of three or more as ranges. */
    String seedText() {
        List<String> items = new ArrayList<>();
        int start = 0;
        while (start < seeds.size()) {
            int end = start;
            while (end + 1 < seeds.size() && seeds.get(end + 1) == seeds.get(end) + 1) {
                end++;
            }
            if (end - start >= 2) {
                items.add(seeds.get(start) + ".." + seeds.get(end));
            } else {
                for (int index = start; index <= end; index++) {
                    items.add(Long.toString(seeds.get(index)));
                }
            }
            start = end + 1;
        }
        return String.join(",", items);
    }

    /** Returns the paragraphs that explain the start-by columns of {@code table}, if any. */
    private static List<String> adviceNotes(Table table) {
        List<String> notes = new ArrayList<>();
        if (hasStartByDay(table)) {
            notes.add(ADVICE_NOTE);
        }
        if (table.columnNames().contains("no_time_in")
                && table.longColumn("no_time_in").asList().stream().anyMatch(seeds -> seeds > 0)) {
            notes.add(NO_TIME_NOTE);
        }
        return notes;
    }

    /**
     * Returns whether {@code table} has a move with a {@code start_by_p10} day that some seed
     * had time for. When every seed is counted in {@code no_time_in}, the day comes from seeds
     * that no trigger on the old phase helps, so it advises nothing.
     */
    private static boolean hasStartByDay(Table table) {
        if (!table.columnNames().contains("start_by_p10")) {
            return false;
        }
        boolean counted = table.columnNames().contains("no_time_in")
                && table.columnNames().contains("seeds");
        for (int row = 0; row < table.rowCount(); row++) {
            boolean someHadTime = !counted || table.longColumn("no_time_in").getLong(row)
                    < table.longColumn("seeds").getLong(row);
            if (!table.stringColumn("start_by_p10").get(row).equals(LimitTimeline.NOT_REACHED)
                    && someHadTime) {
                return true;
            }
        }
        return false;
    }

    private static String title(Table table) {
        return switch (table.name()) {
            case "sweep-limits" -> "Limits (the day each limit first bound, over the seeds)";
            case "sweep-changes" -> "Phase changes (the day each move started, over the seeds)";
            case "sweep-runs" -> "Seeds";
            case "sweep-totals" -> "Totals over the seeds";
            default -> table.name();
        };
    }
}
