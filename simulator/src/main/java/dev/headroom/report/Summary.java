package dev.headroom.report;

import dev.headroom.projection.Projections;
import java.util.ArrayList;
import java.util.List;

/** Renders the short summary printed after a run: the tables that answer the main questions. */
public final class Summary {

    private Summary() {
    }

    /** Returns the summary text, ending with the folder the files went to. */
    public static String render(ReportHeader header, Projections projections, String outFolder) {
        StringBuilder text = new StringBuilder();
        text.append("Scenario '").append(header.scenarioName()).append("', seed ")
                .append(header.seed()).append(", ").append(Cells.count(header.days(), "day"))
                .append("\n\n");
        for (String warning : Warnings.all(projections)) {
            text.append(warning).append("\n\n");
        }
        text.append("Limit timeline (first day each limit bound)\n")
                .append(TableText.plain(projections.limits()));
        notes(text, TableNotes.limits(header, projections));
        text.append("Phase changes\n").append(TableText.plain(projections.changes()));
        notes(text, TableNotes.changes(projections));
        text.append("Capacity\n").append(TableText.plain(projections.capacity()));
        notes(text, TableNotes.capacity(projections));
        text.append("Cost by year\n")
                .append(TableText.plain(CostCents.rounded(projections.costs()))).append('\n')
                .append(Warnings.usersNote(projections)).append("\n\n");
        text.append("Cost by phase\n")
                .append(TableText.plain(CostCents.rounded(projections.phaseCosts())))
                .append('\n').append(PhaseCostNote.text(projections)).append("\n\n");
        List<String> phaseHosting = PhaseHostingNote.lines(projections);
        if (!phaseHosting.isEmpty()) {
            notes(text, phaseHosting);
        }
        List<String> cacheLines = new ArrayList<>(UsageNote.lines(projections));
        cacheLines.addAll(TopUpNote.lines(projections));
        cacheLines.addAll(RedisCacheNote.lines(header, projections));
        cacheLines.addAll(ArchiveJobNote.lines(projections));
        cacheLines.addAll(DaxNote.lines(header, projections));
        cacheLines.addAll(ModelGapNote.lines(projections));
        cacheLines.forEach(line -> text.append(line).append('\n'));
        if (!cacheLines.isEmpty()) {
            text.append('\n');
        }
        text.append("Outages\n").append(TableText.plain(projections.outages())).append('\n');
        text.append("Reports written to ").append(outFolder).append('\n');
        return text.toString();
    }

    /** Appends each note on its own line, then the blank line that ends the table's section. */
    private static void notes(StringBuilder text, List<String> lines) {
        lines.forEach(line -> text.append(line).append('\n'));
        text.append('\n');
    }
}
