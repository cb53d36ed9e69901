package dev.headroom.run;

import dev.headroom.engine.SimTime;
import dev.headroom.scenario.Backend;
import dev.headroom.scenario.Phase;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.ScenarioProblem;
import dev.headroom.scenario.Trigger;
import dev.headroom.scenario.YamlNodes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Finds the triggers of a valid scenario that cannot fire within its horizon: a date after the
 * run's last day, or a user count above the one the growth curve reaches before the last day,
 * whose triggers are not checked, or above the tabs that a Sheets phase's workbooks allow, or a
 * measure that the phase's backend never raises ({@link InertTriggers}). Such
 * a trigger is legal, but the move it guards can then start only on another of its phase's
 * triggers, which is rarely what the author meant. Also finds a Sheets archive job whose first
 * run comes after the run's last day, which then archives nothing.
 */
public final class UnreachableTriggers {

    private UnreachableTriggers() {
    }

    /**
     * Returns one note per trigger of {@code scenario} that cannot fire, at the trigger's
     * position in {@code yaml}, read from {@code fileName}, in phase order.
     */
    public static List<ScenarioProblem> find(String yaml, String fileName, Scenario scenario) {
        List<ScenarioProblem> notes = new ArrayList<>();
        Node root = YamlNodes.compose(yaml);
        List<Phase> phases = scenario.plan().phases();
        LocalDate lastDay = scenario.startDate().plusDays(scenario.horizonDays() - 1L);
        // The last day's triggers are not checked, so a users trigger must hold when the day
        // before it ends. A user whose sign-up falls on the last day's midnight belongs to it.
        long checkedUntil = Math.max(0, (scenario.horizonDays() - 1L) * SimTime.DAY - 1);
        long finalUsers = (long) Math.floor(WorkloadMapping.growth(scenario.growth())
                .usersAt(checkedUntil));
        for (int index = 0; index < phases.size(); index++) {
            Phase phase = phases.get(index);
            for (Trigger trigger : phase.nextWhen()) {
                Optional<String> reason = scenario.horizonDays() == 1
                        ? oneDayReason(trigger)
                        : reason(trigger, lastDay, finalUsers);
                if (reason.isEmpty()) {
                    reason = beyondTabs(trigger, phase, scenario);
                }
                if (reason.isEmpty()) {
                    reason = InertTriggers.reason(trigger, index, scenario);
                }
                if (reason.isPresent()) {
                    String key = PlanMapping.condition(trigger).kind().label();
                    notes.add(note(root, fileName, index, key, reason.get()));
                }
            }
        }
        archiveNeverRuns(root, fileName, scenario).ifPresent(notes::add);
        return notes;
    }

    /**
     * Returns a note when a phase has the archive job and its first run, {@code every} after
     * day 0 at {@code starts_at}, comes after the run's last day. The job then never runs, and
     * the summary describes runs only, so it would not mention the job. The note points at
     * {@code sheets_archive.every} when the file writes it, else at the first archiving phase's
     * feature.
     */
    private static Optional<ScenarioProblem> archiveNeverRuns(Node root, String fileName,
            Scenario scenario) {
        List<Phase> phases = scenario.plan().phases();
        int first = 0;
        while (first < phases.size() && !phases.get(first).backend().usesArchive()) {
            first++;
        }
        long firstRun = scenario.sheetsArchive().every().toMillis()
                + scenario.sheetsArchive().startsAt().toMillis();
        if (first == phases.size() || firstRun < scenario.horizonDays() * SimTime.DAY) {
            return Optional.empty();
        }
        LocalDate lastDay = scenario.startDate().plusDays(scenario.horizonDays() - 1L);
        long timeOfDay = firstRun % SimTime.DAY;
        String message = String.format(Locale.ROOT, "never runs: the archive job's first run"
                + " would start at %02d:%02d on %s, %s after the start date, after the run's"
                + " last day, %s; give a shorter every or a longer horizon, or remove the"
                + " archive feature", timeOfDay / SimTime.HOUR,
                timeOfDay % SimTime.HOUR / SimTime.MINUTE,
                scenario.startDate().plusDays(firstRun / SimTime.DAY),
                days(scenario.sheetsArchive().every().toMillis()), lastDay);
        Node every = YamlNodes.key(YamlNodes.value(root, "sheets_archive"), "every");
        Node node = every != null ? every : archiveFeature(root, first);
        return Optional.of(YamlNodes.problem(fileName, node, "sheets_archive.every", message));
    }

    /** Formats a duration of whole days as {@code 30d}, or in hours or milliseconds. */
    private static String days(long millis) {
        if (millis % SimTime.DAY == 0) {
            return millis / SimTime.DAY + "d";
        }
        return millis % SimTime.HOUR == 0 ? millis / SimTime.HOUR + "h" : millis + "ms";
    }

    /** Returns the {@code archive} item of phase {@code phase}'s features, or null. */
    private static Node archiveFeature(Node root, int phase) {
        Node phaseNode = YamlNodes.item(YamlNodes.value(YamlNodes.value(root, "plan"), "phases"),
                phase);
        Node features = YamlNodes.value(YamlNodes.value(phaseNode, "backend"), "features");
        return YamlNodes.scalarItem(features, "archive");
    }

    /**
     * Returns why a users or date trigger of a one-day run cannot fire: the run's only day is
     * its last, whose triggers are not checked. Nothing for other triggers.
     */
    private static Optional<String> oneDayReason(Trigger trigger) {
        if (!(trigger instanceof Trigger.Users) && !(trigger instanceof Trigger.OnDate)) {
            return Optional.empty();
        }
        return Optional.of("never fires: a run of one day checks no trigger, since its only day"
                + " is its last; give a horizon of at least 2d");
    }

    /** Returns why {@code trigger} cannot fire, or nothing when it can. */
    private static Optional<String> reason(Trigger trigger, LocalDate lastDay, long finalUsers) {
        if (trigger instanceof Trigger.OnDate onDate && onDate.date().isAfter(lastDay)) {
            return Optional.of("never fires: " + onDate.date() + " is after the run's last day, "
                    + lastDay + "; give an earlier date or a longer horizon, or remove it");
        }
        if (trigger instanceof Trigger.Users users && users.users() > finalUsers) {
            return Optional.of(String.format(Locale.ROOT, "never fires: the growth curve reaches"
                    + " %,d %s before the run's last day, whose triggers are not checked,"
                    + " fewer than %,d; give a lower count or a longer horizon, or remove it",
                    finalUsers, finalUsers == 1 ? "user" : "users", users.users()));
        }
        return Optional.empty();
    }

    /**
     * Returns why a users trigger of a tab-per-user Sheets phase cannot fire: the phase places
     * at most its workbooks times {@code sheets.tabs_per_workbook} users, since the tab guard
     * fails every sign-up beyond that. Nothing for other triggers and backends. The advised
     * count has no thousands separator, because the loader rejects a count written with commas.
     */
    private static Optional<String> beyondTabs(Trigger trigger, Phase phase, Scenario scenario) {
        int workbooks;
        if (phase.backend() instanceof Backend.Sheets) {
            workbooks = 1;
        } else if (phase.backend() instanceof Backend.ShardedSheets sharded) {
            workbooks = sharded.workbooks();
        } else {
            return Optional.empty();
        }
        long tabs = scenario.sheets().tabsPerWorkbook();
        long placed = workbooks * tabs;
        if (!(trigger instanceof Trigger.Users users) || users.users() <= placed) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "never fires: phase '%s' places at most"
                + " %,d %s, %d %s of sheets.tabs_per_workbook %,d, fewer than %,d; give a count"
                + " of at most %d or a failed_sign_ups_per_day trigger, or remove it",
                phase.name(), placed, placed == 1 ? "user" : "users", workbooks,
                workbooks == 1 ? "workbook" : "workbooks", tabs, users.users(), placed));
    }

    private static ScenarioProblem note(Node root, String fileName, int phase, String key,
            String message) {
        String path = "plan.phases[" + phase + "].next_when." + key;
        Node phaseNode = YamlNodes.item(YamlNodes.value(YamlNodes.value(root, "plan"), "phases"),
                phase);
        Node node = YamlNodes.key(YamlNodes.value(phaseNode, "next_when"), key);
        return YamlNodes.problem(fileName, node, path, message);
    }
}
