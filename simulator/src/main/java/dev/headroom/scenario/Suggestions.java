package dev.headroom.scenario;

import java.util.Collection;
import java.util.Optional;

/** Finds the valid name nearest to a misspelled one, by Levenshtein edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * Returns the candidate nearest to {@code input}, if it is within a third of the input's
     * length (at least 2 edits), so that unrelated names are never suggested. Ties go to the
     * first candidate in iteration order.
     */
    public static Optional<String> nearest(String input, Collection<String> candidates) {
        int allowed = Math.max(2, input.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(input, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Returns the Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
                        previous[j - 1] + substitution);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
