package dev.headroom.scenario;

import java.util.List;

/** The effective values of a scenario as text, for the headers of output files. */
public final class ScenarioText {

    private ScenarioText() {
    }

    /**
     * Returns one {@code path=value} line per effective value, the same text that
     * {@link Scenarios#canonicalHash} hashes.
     */
    public static List<String> lines(Scenario scenario) {
        return CanonicalForm.text(scenario).lines().toList();
    }
}
