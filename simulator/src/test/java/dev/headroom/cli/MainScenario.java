package dev.headroom.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The scenario and helpers shared by the tests of the command line run in this JVM. */
final class MainScenario {

    /** Two users on one sheet for three days, seed 5. */
    static final String SCENARIO = """
            name: two-users
            seed: 5
            start_date: 2025-01-06
            horizon: 3d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 2}
            workload:
              request_rate: {distribution: lognormal, mean_per_day: 20, sigma: 1.0}
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
            """;

    private MainScenario() {
    }

    /** Runs the command line {@code args} in this JVM. */
    static CliResult execute(String... args) {
        return CliResult.of(args);
    }

    /** Writes {@code text} to scenario.yaml in {@code folder} and returns that file. */
    static Path scenario(Path folder, String text) throws Exception {
        Path file = folder.resolve("scenario.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
