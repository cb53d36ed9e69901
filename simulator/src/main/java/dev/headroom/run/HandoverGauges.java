package dev.headroom.run;

import dev.headroom.model.LimitGauge;
import dev.headroom.model.sql.PostgresModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the gauges of the backend a phase change replaced during a day with those of its
 * successor at the day's end, so the day's record keeps the replaced backend's readings.
 */
final class HandoverGauges {

    private HandoverGauges() {
    }

    /**
     * Returns the replaced backend's gauges, read when it was replaced, followed by the gauges
     * only the new backend has. A gauge that both have (the same limit and resource) takes the
     * new backend's end-of-day reading. The PostgreSQL connection gauge is an exception. It is a
     * peak over the day, so it takes the reading nearer its maximum, the new one on a tie.
     */
    static List<LimitGauge> join(List<LimitGauge> replaced, List<LimitGauge> current) {
        List<LimitGauge> joined = new ArrayList<>(replaced.size() + current.size());
        for (LimitGauge outgoing : replaced) {
            LimitGauge incoming = find(current, outgoing);
            if (incoming == null) {
                joined.add(outgoing);
            } else if (outgoing.limit().equals(PostgresModel.CONNECTIONS)
                    && outgoing.fraction() > incoming.fraction()) {
                joined.add(outgoing);
            } else {
                joined.add(incoming);
            }
        }
        for (LimitGauge gauge : current) {
            if (find(replaced, gauge) == null) {
                joined.add(gauge);
            }
        }
        return joined;
    }

    /** Returns the gauge of {@code gauges} with the limit and resource of {@code key}, or null. */
    private static LimitGauge find(List<LimitGauge> gauges, LimitGauge key) {
        for (LimitGauge gauge : gauges) {
            if (gauge.limit().equals(key.limit())
                    && gauge.resource().equals(key.resource())) {
                return gauge;
            }
        }
        return null;
    }
}
