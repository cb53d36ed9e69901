package dev.headroom.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.model.LimitGauge;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoverGaugesTest {

    private static final LimitGauge STORAGE_OLD =
            new LimitGauge("allocated-storage", "rds-instance", 500, 1_000);
    private static final LimitGauge STORAGE_NEW =
            new LimitGauge("allocated-storage", "rds-instance", 700, 4_000);

    @Test
    void join_keepsReplacedOnlyGauges() {
        LimitGauge cells = new LimitGauge("cells", "workbook-0", 10, 100);
        LimitGauge table = new LimitGauge("table-bytes", "dynamodb", 5, Long.MAX_VALUE);

        assertEquals(List.of(cells, table), HandoverGauges.join(List.of(cells), List.of(table)));
    }

    @Test
    void join_sharedLevel_takesNewReading() {
        assertEquals(List.of(STORAGE_NEW),
                HandoverGauges.join(List.of(STORAGE_OLD), List.of(STORAGE_NEW)));
    }

    @Test
    void join_connectionPeak_takesFullerReading() {
        LimitGauge morning = new LimitGauge("connections", "rds-instance", 9, 9);
        LimitGauge afternoon = new LimitGauge("connections", "rds-instance", 20, 100);

        assertEquals(List.of(morning),
                HandoverGauges.join(List.of(morning), List.of(afternoon)));
        assertEquals(List.of(morning),
                HandoverGauges.join(List.of(afternoon), List.of(morning)));
    }
}
