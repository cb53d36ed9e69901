package dev.headroom.sheets.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.sheets.limits.SheetsLimitException.Rule;
import org.junit.jupiter.api.Test;

class TabGuardTest {

    @Test
    void twoHundredthTabFitsAndNextIsRejected() {
        TabGuard guard = TabGuard.DEFAULT;

        assertTrue(guard.admitsNewTab(199));
        guard.requireRoomForTab(199);
        assertFalse(guard.admitsNewTab(200));

        SheetsLimitException error = assertThrows(SheetsLimitException.class,
                () -> guard.requireRoomForTab(200));

        assertEquals(Rule.TABS_PER_WORKBOOK, error.rule());
        assertTrue(error.getMessage().startsWith("SHEET_LIMIT_REACHED"), error.getMessage());
    }

    @Test
    void maximumIsConfigurable() {
        TabGuard guard = new TabGuard(3);

        assertTrue(guard.admitsNewTab(2));
        assertFalse(guard.admitsNewTab(3));
        assertThrows(IllegalArgumentException.class, () -> new TabGuard(0));
    }
}
