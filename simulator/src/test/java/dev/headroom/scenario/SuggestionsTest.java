package dev.headroom.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> FIELDS =
            List.of("tabs_per_workbook", "cells_per_workbook", "grid_mode");

    @Test
    void distance_countsEdits() {
        assertEquals(0, Suggestions.distance("kitten", "kitten"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(4, Suggestions.distance("", "abcd"));
    }

    @Test
    void nearest_findsMisspelledField() {
        assertEquals(Optional.of("tabs_per_workbook"),
                Suggestions.nearest("tabs_per_workbok", FIELDS));
        assertEquals(Optional.of("grid_mode"), Suggestions.nearest("gridmode", FIELDS));
    }

    @Test
    void nearest_ignoresUnrelatedName() {
        assertEquals(Optional.empty(), Suggestions.nearest("colour", FIELDS));
    }
}
