package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class CellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | $0.00",
        "4999 | $0.00",
        "5000 | $0.01",
        "999995000 | $1,000.00",
        "16010960000 | $16,010.96",
        "1234567890123456 | $1,234,567,890.12",
        "-1500000000 | $-1,500.00"})
    void dollars_micros_centsAndSeparators(long micros, String expected) {
        assertEquals(expected, Cells.dollars(micros));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | 0 sign-ups",
        "1 | 1 sign-up",
        "2 | 2 sign-ups",
        "1200 | 1,200 sign-ups"})
    void count_one_singularOtherwisePlural(long count, String expected) {
        assertEquals(expected, Cells.count(count, "sign-up"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | ''",
        "cells | cells",
        "cells,tabs | cells and tabs",
        "cells,tabs,WriteRequestsPerMinutePerUser | cells, tabs and WriteRequestsPerMinutePerUser"})
    void joinWithAnd_names_joinedAsSentence(String names, String expected) {
        List<String> items = names.isEmpty() ? List.of() : List.of(names.split(","));
        assertEquals(expected, Cells.joinWithAnd(items));
    }

    @Test
    void text_arabicDefaultLocale_asciiDigits() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-SA"));
            Table table = Table.create("t", IntColumn.create("seed", new int[] {12}),
                    LongColumn.create("users", new long[] {10_000L}));
            assertEquals("12", Cells.text(table, 0, 0));
            assertEquals("10000", Cells.text(table, 1, 0));
        } finally {
            Locale.setDefault(before);
        }
    }
}
