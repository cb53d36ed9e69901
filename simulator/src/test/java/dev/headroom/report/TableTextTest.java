package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableTextTest {

    @Test
    void plain_wideCharactersTakeTwoColumns() {
        // A terminal shows each CJK ideograph two columns wide. The padding once counted it as
        // one, so the columns after a phase name such as 数据库 were shifted left.
        Table table = Table.create("phases",
                StringColumn.create("phase", "数据库", "sheets"),
                LongColumn.create("users", 5, 10));

        List<String> lines = TableText.plain(table).lines().toList();

        assertEquals(List.of(
                "  phase   users",
                "  数据库  5",
                "  sheets  10"), lines);
    }

    @Test
    void plain_asciiAlignsAsBefore() {
        Table table = Table.create("phases",
                StringColumn.create("phase", "a", "longer"),
                LongColumn.create("users", 5, 10));

        assertEquals(List.of("  phase   users", "  a       5", "  longer  10"),
                TableText.plain(table).lines().toList());
    }
}
