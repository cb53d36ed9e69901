package dev.headroom.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines that describe how a report was produced, written at the top of every CSV file.
 * {@code report.md} starts with the {@link #runLines} and ends with the parameters.
 *
 * @param toolVersion Headroom's version
 * @param scenarioName the scenario's name
 * @param scenarioHash a stable hash of the effective scenario
 * @param seed the seed of the run's random streams
 * @param days simulated days run
 * @param parameters the effective parameters, one {@code path: value} line each
 */
public record ReportHeader(
        String toolVersion,
        String scenarioName,
        String scenarioHash,
        long seed,
        int days,
        List<String> parameters) {

    public ReportHeader {
        parameters = List.copyOf(parameters);
    }

    /** Returns the effective value of the scenario field {@code path}, or null. */
    public String parameter(String path) {
        String prefix = path + ": ";
        return parameters.stream().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length())).findFirst().orElse(null);
    }

    /** Returns the header as lines of text without a comment marker. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(runLines());
        for (String parameter : parameters) {
            lines.add("parameter " + parameter);
        }
        return lines;
    }

    /** Returns the lines that name the tool, the scenario, the seed and the days. */
    public List<String> runLines() {
        List<String> lines = new ArrayList<>();
        lines.add("tool: headroom " + toolVersion);
        lines.add("scenario: " + scenarioName);
        lines.add("scenario-hash: " + scenarioHash);
        lines.add("seed: " + seed);
        lines.add("days: " + days);
        return lines;
    }
}
