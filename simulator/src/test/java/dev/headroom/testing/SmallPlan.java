package dev.headroom.testing;

/**
 * Builds a valid 30-day scenario with one user at the start, for tests of the notes on a
 * scenario's sections and phases. Sections go on line 5 and the phases from line 9 on, so a
 * test can assert the positions of the text it passes.
 */
public final class SmallPlan {

    private static final String TEMPLATE = """
            name: small
            start_date: 2025-01-01
            horizon: 30d
            growth: {kind: linear, initial_users: 1, users_per_year: 10}
            %s
            plan:
              hourly_rate: 100
              phases:
            %s""";

    private SmallPlan() {
    }

    /**
     * Returns the scenario with {@code sections} before the plan and {@code phases}, a YAML
     * list of phases indented by four spaces, ending in a line break.
     */
    public static String of(String sections, String phases) {
        return TEMPLATE.formatted(sections, phases);
    }
}
