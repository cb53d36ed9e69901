package dev.headroom.run;

import static dev.headroom.run.RunScenarios.MIGRATION;
import static dev.headroom.run.RunScenarios.THREE_USERS;
import static dev.headroom.run.RunScenarios.columnSum;
import static dev.headroom.run.RunScenarios.movedOnDayOne;
import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.headroom.projection.Projections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The lines a run logs at INFO and above, which --verbose prints. */
class RunLogTest {

    /** A run's result and the messages it logged at INFO and above. */
    private record LoggedRun(RunResult result, List<String> lines) {
    }

    @Test
    void everyLine_namesSeed() throws Exception {
        // A sweep runs several seeds at once, so each line must name the seed of its run.
        LoggedRun run = runLogged(MIGRATION);
        List<String> lines = run.lines();

        assertTrue(lines.stream().anyMatch(line -> line.contains(" started: ")), lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.contains(" migration from ")),
                lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.contains(" live on ")),
                lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.contains(" stopped: ")),
                lines::toString);
        for (String line : lines) {
            assertTrue(line.startsWith("[seed " + run.result().seed() + " day "), line);
        }
    }

    @Test
    void stopLine_namesLastDay() throws Exception {
        // The 8-day run covers 2025-01-01 to 2025-01-08, days 0 to 7.
        List<String> stopLines = runLogged(MIGRATION).lines().stream()
                .filter(line -> line.contains(" stopped: "))
                .toList();

        assertEquals(1, stopLines.size());
        assertTrue(stopLines.get(0).startsWith("[seed 3 day 7 2025-01-08] "), stopLines::toString);
    }

    @Test
    void rowsNotCopiedLine_namesSeed() throws Exception {
        // The 1 GB instance that the three users move to on day 1 takes 107 of their 282 rows.
        String yaml = THREE_USERS.replace("mean_per_day: 10", "mean_per_day: 100")
                .replace("row: {columns: 10, bytes: 500B}", "row: {columns: 10, bytes: 10MB}")
                .replace("balance_cache_ttl: 0s", "balance_cache_ttl: 0s\n"
                        + "postgres: {allocated_storage_gb: 1, row_overhead_bytes: 0B}");
        List<String> lines = runLogged(movedOnDayOne(yaml, "sql", "postgres")).lines();
        List<String> notCopied = lines.stream()
                .filter(line -> line.contains("earlier rows"))
                .toList();

        assertEquals(List.of("[seed 11 day 1 2025-01-07] phase 'sql' went live without 175"
                + " earlier rows, which did not fit under its limit"),
                notCopied);
    }

    @Test
    void stopLine_failedSignUps_countedApart() throws Exception {
        // The 10-tab guard fills on day 1 and no later phase serves, so sign-ups fail.
        LoggedRun run = runLogged(MIGRATION.replace("next_when: {users: 5}",
                "next_when: {users: 1_000}"));
        Projections projections = Projections.of(run.result());
        List<String> stopLines = run.lines().stream()
                .filter(message -> message.contains(" stopped: "))
                .toList();
        long signUps = columnSum(projections, "sign_ups");
        long failedSignUps = columnSum(projections, "failed_sign_ups");

        assertTrue(failedSignUps > 0);
        assertEquals(1, stopLines.size());
        assertTrue(stopLines.get(0).endsWith(
                " " + signUps + " sign-ups, " + failedSignUps + " of them failed"),
                stopLines.get(0));
    }

    /**
     * Runs {@code yaml} with the loggers of the run's package at INFO and collects what they
     * logged.
     */
    private static LoggedRun runLogged(String yaml) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(SimulationRun.class.getPackageName());
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        try {
            RunResult result = run(yaml);
            return new LoggedRun(result, appender.list.stream()
                    .map(ILoggingEvent::getFormattedMessage).toList());
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
    }
}
