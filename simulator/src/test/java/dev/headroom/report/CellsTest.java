package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
