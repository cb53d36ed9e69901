package dev.headroom.sheets.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.sheets.limits.SheetsLimitException.Rule;
import org.junit.jupiter.api.Test;

class CellCharacterLimitTest {

    @Test
    void fiftyThousandCharactersFitAndOneMoreFails() {
        CellCharacterLimit limit = CellCharacterLimit.GOOGLE_DEFAULT;

        assertTrue(limit.admits("x".repeat(50_000)));
        assertFalse(limit.admits("x".repeat(50_001)));

        SheetsLimitException error = assertThrows(SheetsLimitException.class,
                () -> limit.requireAdmits("x".repeat(50_001)));

        assertEquals(Rule.CHARACTERS_PER_CELL, error.rule());
        assertEquals("Your input contains more than the maximum of 50000 characters in a single"
                + " cell.", error.getMessage());
    }
}
