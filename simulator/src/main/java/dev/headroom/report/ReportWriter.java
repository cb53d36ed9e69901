package dev.headroom.report;

import dev.headroom.projection.Projections;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;
import tech.tablesaw.io.csv.CsvWriter;

/**
 * Writes a run's projections into an output folder: one CSV file per table, named after the
 * table (for example {@code limits.csv}), and {@code report.md} with every table but the daily
 * one. Files use UTF-8 and {@code \n} line ends; CSV files start with the header as {@code #}
 * comment lines and hold money as exact micro-dollars.
 */
public final class ReportWriter {

    /** The name of the Markdown report in the output folder. */
    public static final String MARKDOWN_FILE = "report.md";

    /** The names of every file that {@link #write} writes. */
    public static final List<String> FILE_NAMES = List.of("limits.csv", "phase-changes.csv",
            "capacity.csv", "costs.csv", "hosting-by-component.csv", "phase-costs.csv",
            "phase-hosting-by-component.csv", "outages.csv", "daily.csv", MARKDOWN_FILE);

    private ReportWriter() {
    }

    /**
     * Writes every file, creating the folder if needed and replacing files of the same names.
     *
     * @return the files written, in order
     */
    public static List<Path> write(Path folder, ReportHeader header, Projections projections)
            throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Table table : projections.all()) {
            texts.put(table.name() + ".csv", csv(header.lines(), table));
        }
        texts.put(MARKDOWN_FILE, markdown(header, projections));
        return ReportFiles.writeAll(folder, texts);
    }

    /** Returns a table as CSV text after the header lines, each written as a comment. */
    static String csv(List<String> headerLines, Table table) {
        StringBuilder text = new StringBuilder();
        for (String line : headerLines) {
            text.append("# ").append(line).append('\n');
        }
        StringWriter body = new StringWriter();
        new CsvWriter().write(table, CsvWriteOptions.builder(body).lineEnd("\n").build());
        return text.append(body).toString();
    }

    /**
     * Returns the Markdown report. The tables and notes come from a copy of the projections with
     * the names {@linkplain MarkdownText#escapeNames escaped}, while the fenced blocks keep the
     * header's text as the CSV files write it.
     */
    static String markdown(ReportHeader header, Projections rawProjections) {
        Projections projections = MarkdownText.escapeNames(rawProjections);
        StringBuilder text = new StringBuilder();
        text.append("# Headroom report: ").append(MarkdownText.escape(header.scenarioName()))
                .append("\n\n");
        text.append("```\n");
        header.runLines().forEach(line -> text.append(line).append('\n'));
        text.append("```\n\n");
        for (String warning : Warnings.all(projections)) {
            text.append("**").append(warning).append("**\n\n");
        }
        section(text, "Limit timeline", projections.limits());
        notes(text, TableNotes.limits(header, projections));
        section(text, "Phase changes", projections.changes());
        notes(text, TableNotes.changes(projections));
        section(text, "Capacity", projections.capacity());
        notes(text, TableNotes.capacity(projections));
        section(text, "Cost by year", CostCents.rounded(projections.costs()));
        text.append(Warnings.usersNote(projections)).append("\n\n");
        section(text, "Cost by phase", CostCents.rounded(projections.phaseCosts()));
        text.append(PhaseCostNote.text(projections)).append("\n\n");
        section(text, "Hosting by component",
                HostingComponentCents.rounded(projections.hostingByComponent()));
        text.append(HostingComponentNote.text(projections)).append("\n\n");
        section(text, "Hosting by phase and component",
                PhaseHostingCents.rounded(projections.phaseHostingByComponent()));
        text.append(PhaseHostingNote.text(projections)).append("\n\n");
        notes(text, PhaseHostingNote.lines(projections));
        UsageNote.lines(projections).forEach(line -> text.append(line).append("\n\n"));
        TopUpNote.lines(projections).forEach(line -> text.append(line).append("\n\n"));
        RedisCacheNote.lines(header, projections).forEach(line -> text.append(line).append("\n\n"));
        ArchiveJobNote.lines(projections).forEach(line -> text.append(line).append("\n\n"));
        DaxNote.lines(header, projections).forEach(line -> text.append(line).append("\n\n"));
        ModelGapNote.lines(projections).forEach(line -> text.append(line).append("\n\n"));
        section(text, "Outages", projections.outages());
        text.append("The metrics of every simulated day are in `daily.csv`.\n\n");
        text.append("## Parameters\n\n");
        text.append("The effective value of every scenario field, defaults included.\n\n");
        text.append("```\n");
        header.parameters().forEach(line -> text.append(line).append('\n'));
        text.append("```\n");
        return text.toString();
    }

    private static void notes(StringBuilder text, List<String> lines) {
        lines.forEach(line -> text.append(line).append("\n\n"));
    }

    private static void section(StringBuilder text, String title, Table table) {
        text.append("## ").append(title).append("\n\n");
        text.append(TableText.markdown(table)).append('\n');
    }
}
