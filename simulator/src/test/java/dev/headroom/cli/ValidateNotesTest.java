package dev.headroom.cli;

import static dev.headroom.cli.MainScenario.SCENARIO;
import static dev.headroom.cli.MainScenario.execute;
import static dev.headroom.cli.MainScenario.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notes headroom validate prints for a valid scenario: settings no phase uses and triggers
 * that never fire.
 */
class ValidateNotesTest {

    @TempDir
    Path folder;

    /**
     * Returns {@code scenario} with {@code nextWhen} as its single sheet's triggers and a second
     * phase of two sharded workbooks.
     */
    private static String withShards(String scenario, String nextWhen) {
        return scenario + "      next_when: " + nextWhen + "\n"
                + "    - name: shards\n"
                + "      backend: {kind: sheets-sharded, workbooks: 2}\n";
    }

    /** Validates {@code file}, expecting it to be valid, and returns the note lines. */
    private static List<String> validateNotes(Path file) {
        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        return result.out().lines().skip(1).toList();
    }

    @Test
    void validate_unusedSections_notedWithPosition() throws Exception {
        Path file = scenario(folder, SCENARIO.replace("plan:\n",
                "postgres: {allocated_storage_gb: 50}\n"
                + "redis:\n  nodes: 2\nsheets: {tabs_per_workbook: 100}\nplan:\n"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(List.of("note: " + file + ":11:1: postgres: used by no phase: no phase"
                + " has backend kind postgres, so these settings have no effect; check the"
                + " phases' backends if one should use them",
                "note: " + file + ":12:1: redis: used by no phase: no phase lists"
                + " features: [redis-cache], so these settings have no effect; check the"
                + " phases' backends if one should use them"), lines.subList(1, lines.size()));
    }

    @Test
    void validate_everySectionUsed_printsNoNote() throws Exception {
        CliResult result = execute("validate", scenario(folder, SCENARIO.replace("plan:\n",
                "sheets: {tabs_per_workbook: 100}\nplan:\n")).toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertEquals(1, result.out().lines().count(), result.out());
    }

    @Test
    void validate_archiveJobNeverRuns_printsNote() throws Exception {
        // The job's first run comes 30 days after the start, past the 3-day run, so the summary
        // said nothing of the job and the user had no hint why nothing was archived.
        String archived = SCENARIO.replace("backend: {kind: sheets}",
                "backend: {kind: sheets, features: [archive]}");
        Path file = scenario(folder, archived);
        assertEquals(List.of("note: " + file + ":15:42: sheets_archive.every: never runs: the"
                + " archive job's first run would start at 03:00 on 2025-02-05, 30d after the"
                + " start date, after the run's last day, 2025-01-08; give a shorter every or a"
                + " longer horizon, or remove the archive feature"), validateNotes(file));

        file = scenario(folder, archived.replace("plan:\n",
                "sheets_archive: {every: 3d}\nplan:\n"));
        assertEquals(List.of("note: " + file + ":11:18: sheets_archive.every: never runs: the"
                + " archive job's first run would start at 03:00 on 2025-01-09, 3d after the"
                + " start date, after the run's last day, 2025-01-08; give a shorter every or a"
                + " longer horizon, or remove the archive feature"), validateNotes(file));

        file = scenario(folder, archived.replace("plan:\n",
                "sheets_archive: {every: 2d, starts_at: 23h}\nplan:\n"));
        assertEquals(List.of(), validateNotes(file));
    }

    @Test
    void validate_unreachableTriggers_printNotes() throws Exception {
        Path file = scenario(folder, withShards(SCENARIO, "{users: 3, date: 2025-01-09}"));

        assertEquals(List.of("note: " + file + ":16:19: plan.phases[0].next_when.users: never"
                + " fires: the growth curve reaches 2 users before the run's last day, whose"
                + " triggers are not checked, fewer than 3; give a lower count or a longer"
                + " horizon, or remove it",
                "note: " + file + ":16:29: plan.phases[0].next_when.date: never fires:"
                + " 2025-01-09 is after the run's last day, 2025-01-08; give an earlier date or"
                + " a longer horizon, or remove it"), validateNotes(file));
    }

    @Test
    void validate_usersOnLastDay_printsNote() throws Exception {
        // User 3 signs up at the start of day 1 and user 4 at the start of day 2, the last day,
        // whose triggers are not checked.
        Path file = scenario(folder, withShards(SCENARIO.replace("- {at: 0d, users: 2}",
                "- {at: 0d, users: 2}\n    - {at: 3d, users: 5}"), "{users: 4}"));

        assertEquals(List.of("note: " + file + ":17:19: plan.phases[0].next_when.users: never"
                + " fires: the growth curve reaches 3 users before the run's last day, whose"
                + " triggers are not checked, fewer than 4; give a lower count or a longer"
                + " horizon, or remove it"), validateNotes(file));
    }

    @Test
    void validate_oneUserReached_noteSaysUser() throws Exception {
        Path file = scenario(folder, withShards(SCENARIO.replace("users: 2}", "users: 1}"),
                "{users: 2}"));

        assertEquals(List.of("note: " + file + ":16:19: plan.phases[0].next_when.users: never"
                + " fires: the growth curve reaches 1 user before the run's last day, whose"
                + " triggers are not checked, fewer than 2; give a lower count or a longer"
                + " horizon, or remove it"), validateNotes(file));
    }

    @Test
    void validate_usersBeyondTabs_printsNote() throws Exception {
        Path file = scenario(folder, withShards(SCENARIO.replace("plan:\n",
                "sheets: {tabs_per_workbook: 1}\nplan:\n"), "{users: 2}"));

        assertEquals(List.of("note: " + file + ":17:19: plan.phases[0].next_when.users: never"
                + " fires: phase 'single-sheet' places at most 1 user, 1 workbook of"
                + " sheets.tabs_per_workbook 1, fewer than 2; give a count of at most 1 or a"
                + " failed_sign_ups_per_day trigger, or remove it"), validateNotes(file));
    }

    @Test
    void validate_usersBeyondManyTabs_adviceWithoutGrouping() throws Exception {
        // The loader rejects a count written as 1,000, so the advised count has no separator.
        String manyUsers = SCENARIO.replace("- {at: 0d, users: 2}",
                "- {at: 0d, users: 2}\n    - {at: 1d, users: 2_000}");
        Path file = scenario(folder, withShards(manyUsers.replace("plan:\n",
                "sheets: {tabs_per_workbook: 1_000}\nplan:\n"), "{users: 1_001}"));

        assertEquals(List.of("note: " + file + ":18:19: plan.phases[0].next_when.users: never"
                + " fires: phase 'single-sheet' places at most 1,000 users, 1 workbook of"
                + " sheets.tabs_per_workbook 1,000, fewer than 1,001; give a count of at most 1000"
                + " or a failed_sign_ups_per_day trigger, or remove it"), validateNotes(file));
    }

    @Test
    void validate_oneDayRun_notesEveryTrigger() throws Exception {
        Path file = scenario(folder, withShards(SCENARIO.replace("horizon: 3d", "horizon: 1d"),
                "{users: 2}"));

        assertEquals(List.of("note: " + file + ":16:19: plan.phases[0].next_when.users: never"
                + " fires: a run of one day checks no trigger, since its only day is its last;"
                + " give a horizon of at least 2d"), validateNotes(file));
    }

    @Test
    void validate_reachableTriggers_printNoNote() throws Exception {
        Path file = scenario(folder, withShards(SCENARIO, "{users: 2, date: 2025-01-08}"));

        assertEquals(List.of(), validateNotes(file));
    }
}
