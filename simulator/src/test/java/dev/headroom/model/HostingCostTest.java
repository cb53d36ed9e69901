package dev.headroom.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostingCostTest {

    @Test
    void plus_mergesByNameInFirstOrder() {
        HostingCost day = HostingCost.of("dax_nodes", 960_000)
                .plus(HostingCost.of("dynamodb_read_units", 7).plus("dax_nodes", 40_000));

        assertEquals(List.of("dax_nodes", "dynamodb_read_units"),
                List.copyOf(day.components().keySet()));
        assertEquals(1_000_000L, day.components().get("dax_nodes"));
        assertEquals(1_000_007L, day.total());
    }

    @Test
    void minus_givesIntervalOfCumulativeBills() {
        HostingCost start = HostingCost.of("rds_instance", 100).plus("rds_storage", 10);
        HostingCost end = HostingCost.of("rds_instance", 250).plus("rds_storage", 13);

        HostingCost interval = end.minus(start);

        assertEquals(HostingCost.of("rds_instance", 150).plus("rds_storage", 3), interval);
        assertEquals(start.total() + interval.total(), end.total());
    }

    @Test
    void none_hasNoComponentAndZeroTotal() {
        assertEquals(0, HostingCost.NONE.components().size());
        assertEquals(0, HostingCost.NONE.total());
    }

    @Test
    void plus_overflow_throws() {
        HostingCost full = HostingCost.of("a", Long.MAX_VALUE);

        assertThrows(ArithmeticException.class, () -> full.plus("b", 1));
        assertThrows(ArithmeticException.class, () -> full.plus("a", 1));
    }

    @Test
    void plus_missingName_throws() {
        assertThrows(IllegalArgumentException.class, () -> HostingCost.of("", 1));
    }
}
