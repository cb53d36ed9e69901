package dev.headroom.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.projection.Projections;
import dev.headroom.run.RunProgress;
import dev.headroom.run.RunSetups;
import dev.headroom.run.SimulationRun;
import dev.headroom.scenario.Scenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SeedOutcomeTest {

    /**
     * One user signs up each day, and PostgreSQL goes live at 12:00 on day 3, 2025-01-04, so
     * that day has two rows in the daily table.
     */
    private static final String SCENARIO = """
            name: split
            start_date: 2025-01-01
            horizon: 6d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 0}
                - {at: 6d, users: 6}
            plan:
              hourly_rate: 100
              phases:
                - name: sheet
                  backend: {kind: sheets}
                  next_when: {date: 2025-01-03}
                - name: db
                  backend: {kind: postgres}
                  migration: {lead_time: 36h}
            """;

    @Test
    void usersByDay_goLiveAfterMidnight_oneCountPerDay() throws Exception {
        Projections projections = Projections.of(new SimulationRun(RunSetups.of(
                Scenarios.parse(SCENARIO, "split.yaml"), Path.of("."))).run(RunProgress.NONE));

        long[] users = SeedOutcome.of(1, projections).usersByDay();

        assertEquals(7, projections.daily().rowCount());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, users);
    }
}
