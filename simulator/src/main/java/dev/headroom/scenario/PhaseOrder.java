package dev.headroom.scenario;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a plan's phases move forward. Names are unique, and user-count and date triggers
 * increase. Sheets phases never shrink the workbook count nor follow a DynamoDB or SQL phase,
 * SQL phases never follow a DynamoDB phase, and no phase has the same backend as the one before
 * it. A move between any other kinds copies the earlier rows.
 */
final class PhaseOrder {

    private PhaseOrder() {
    }

    /** Reports every phase that is out of order on its own section of {@code items}. */
    static void check(List<Section> items, List<Phase> phases, LocalDate start) {
        Set<String> names = new HashSet<>();
        TriggerOrder triggerOrder = new TriggerOrder(start);
        BackendOrder backendOrder = new BackendOrder();
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            Section item = items.get(i);
            if (!names.add(phase.name())) {
                item.problem("name", "duplicate phase name '" + phase.name()
                        + "'; give each phase its own name");
            }
            triggerOrder.check(item.section("next_when"), phase);
            backendOrder.check(item, phase);
        }
    }

    /** The user-count and date triggers seen so far, each of which must exceed the last. */
    private static final class TriggerOrder {

        private long lastUsers;
        private LocalDate lastDate;
        // Whether lastDate is a phase's date trigger rather than the start date.
        private boolean datedPhase;

        TriggerOrder(LocalDate start) {
            lastDate = start;
        }

        void check(Section triggers, Phase phase) {
            for (Trigger trigger : phase.nextWhen()) {
                // An invalid trigger value is already reported and was replaced by a default.
                if ((trigger instanceof Trigger.Users && triggers.hasProblemWithin("users"))
                        || (trigger instanceof Trigger.OnDate
                                && triggers.hasProblemWithin("date"))) {
                    continue;
                }
                if (trigger instanceof Trigger.Users users) {
                    if (users.users() <= lastUsers) {
                        triggers.problem("users", "out of order: " + users.users() + " users is "
                                + "not above the previous phase's trigger of " + lastUsers
                                + "; raise it, or lower the earlier trigger");
                    }
                    lastUsers = users.users();
                } else if (trigger instanceof Trigger.OnDate date) {
                    if (!date.date().isAfter(lastDate)) {
                        triggers.problem("date", "out of order: " + date.date() + " is not after "
                                + lastDate + (datedPhase
                                        ? ", an earlier phase's date trigger; use a later date,"
                                                + " or an earlier one on that phase"
                                        : ", the start date; use a later date"));
                    }
                    lastDate = date.date();
                    datedPhase = true;
                }
            }
        }
    }

    /** The backends of the phases seen so far, which limit the kinds that may follow. */
    private static final class BackendOrder {

        private int lastWorkbooks;
        private boolean seenDynamoDb;
        private boolean seenSharedLog;
        private String seenSql;
        private final Set<String> sqlKinds = new HashSet<>();
        // The phase before this one, if its backend was read without a problem.
        private Phase previous;

        void check(Section item, Phase phase) {
            int workbooks = workbooks(phase.backend());
            boolean sql = isSql(phase.backend());
            if (item.hasProblemWithin("backend")) {
                // A backend with a reported problem was replaced by a fallback, so its place in
                // the order is not checked, nor compared with the next phase's.
                previous = null;
                return;
            }
            String problem = problem(phase, workbooks, sql);
            if (problem != null) {
                item.problem("backend", problem);
            }
            previous = phase;
            if (sql) {
                sqlKinds.add(phase.backend().kindName());
            }
            seenDynamoDb |= phase.backend() instanceof Backend.DynamoDb;
            seenSharedLog |= phase.backend() instanceof Backend.SharedLogSheets;
            if (sql && seenSql == null) {
                seenSql = phase.backend().kindName();
            }
            lastWorkbooks = Math.max(lastWorkbooks, workbooks);
        }

        /** Returns why {@code phase} cannot follow the phases seen so far, or null. */
        private String problem(Phase phase, int workbooks, boolean sql) {
            if (workbooks > 0 && seenDynamoDb) {
                return "out of order: a Sheets phase cannot follow a DynamoDB "
                        + "phase; list the Sheets phases first";
            } else if (workbooks > 0 && seenSql != null) {
                return "out of order: a Sheets phase cannot follow a "
                        + seenSql + " phase; list the Sheets phases first";
            } else if (sql && seenDynamoDb) {
                return "out of order: a " + phase.backend().kindName()
                        + " phase cannot follow a DynamoDB phase; list the SQL phases before "
                        + "the DynamoDB phases";
            } else if (workbooks > 0 && seenSharedLog) {
                return "out of order: only a DynamoDB or SQL phase can follow a"
                        + " sheets-shared-log phase, which keeps no tab per user; move to "
                        + "dynamodb, postgres or sqlite-efs next or list this phase earlier";
            } else if (workbooks > 0 && workbooks < lastWorkbooks
                    && !(phase.backend() instanceof Backend.SharedLogSheets)) {
                return "out of order: " + workbooks
                        + (workbooks == 1 ? " workbook" : " workbooks") + " after a phase with "
                        + lastWorkbooks + ", but existing users stay where they are; keep at "
                        + "least " + lastWorkbooks + " workbooks";
            } else if (sql && sqlKinds.contains(phase.backend().kindName())) {
                String kind = phase.backend().kindName();
                return "a second " + kind + " phase changes nothing: every "
                        + kind + " phase takes its settings from the one " + kind.replace('-', '_')
                        + " section; remove this phase or the earlier one";
            } else if (previous != null && previous.backend().equals(phase.backend())) {
                return "inconsistent settings: the same backend as phase '"
                        + previous.name() + "' before it, so the move changes nothing; change"
                        + " its kind, workbooks, router or features, or remove this phase";
            }
            return null;
        }
    }

    private static boolean isSql(Backend backend) {
        return backend instanceof Backend.Postgres || backend instanceof Backend.SqliteEfs;
    }

    /** Returns the workbook count of a Sheets backend, or 0 for DynamoDB and SQL. */
    private static int workbooks(Backend backend) {
        if (backend instanceof Backend.ShardedSheets sharded) {
            return sharded.workbooks();
        }
        return backend instanceof Backend.Sheets || backend instanceof Backend.SharedLogSheets
                ? 1 : 0;
    }
}
