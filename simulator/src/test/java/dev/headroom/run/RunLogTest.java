package dev.headroom.run;

import static dev.headroom.run.RunScenarios.MIGRATION;
import static dev.headroom.run.RunScenarios.columnSum;
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

/** The lines a run logs at INFO, which --verbose prints. */
class RunLogTest {

    @Test
    void everyLine_namesSeed() throws Exception {
        // A sweep runs several seeds at once, so each line must name the seed of its run.
        Logger logger = (Logger) LoggerFactory.getLogger(SimulationRun.class);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        RunResult result;
        try {
            result = run(MIGRATION);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        List<String> lines = appender.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .toList();

        assertTrue(lines.stream().anyMatch(line -> line.contains(" started: ")), lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.contains(" migration from ")),
                lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.contains(" live on ")),
                lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.contains(" stopped: ")),
                lines::toString);
        for (String line : lines) {
            assertTrue(line.startsWith("[seed " + result.seed() + " day "), line);
        }
    }

    @Test
    void stopLine_failedSignUps_countedApart() throws Exception {
        // The 10-tab guard fills on day 1 and no later phase serves, so sign-ups fail.
        String yaml = MIGRATION.replace("next_when: {users: 5}", "next_when: {users: 1_000}");
        Logger logger = (Logger) LoggerFactory.getLogger(SimulationRun.class);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        Projections projections;
        try {
            projections = Projections.of(run(yaml));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        List<String> stopLines = appender.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
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
}
