package dev.headroom.run;

import dev.headroom.model.LimitGauge;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * One day's gauges, stored as one {@code long} of use per gauge. Consecutive days share the
 * gauges' names and maximums while the backend keeps the same gauges. A run keeps every day's
 * gauges, and a plan of 10,000 workbooks has 20,000 a day. Ten years of them as
 * {@link LimitGauge} objects ran out of a 6 GiB heap, while their use alone takes 584 MB. The
 * list is unmodifiable, and {@link #get} builds each gauge when it is read.
 */
public final class GaugeReadings extends AbstractList<LimitGauge> implements RandomAccess {

    /** The names and maximums of a backend's gauges, in its order. */
    private record Layout(String[] limits, String[] resources, long[] maxima) {

        static Layout of(List<LimitGauge> gauges) {
            int size = gauges.size();
            String[] limits = new String[size];
            String[] resources = new String[size];
            long[] maxima = new long[size];
            for (int index = 0; index < size; index++) {
                LimitGauge gauge = gauges.get(index);
                limits[index] = gauge.limit();
                resources[index] = gauge.resource();
                maxima[index] = gauge.max();
            }
            return new Layout(limits, resources, maxima);
        }

        boolean matches(List<LimitGauge> gauges) {
            if (gauges.size() != limits.length) {
                return false;
            }
            for (int index = 0; index < limits.length; index++) {
                LimitGauge gauge = gauges.get(index);
                if (gauge.max() != maxima[index] || !gauge.limit().equals(limits[index])
                        || !gauge.resource().equals(resources[index])) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Layout layout;
    private final long[] used;

    private GaugeReadings(Layout layout, long[] used) {
        this.layout = layout;
        this.used = used;
    }

    /**
     * Returns the readings of {@code gauges}, sharing the names and maximums of
     * {@code previous} when they are the same.
     *
     * @param previous the previous day's readings, or {@code null} on the first day
     */
    public static GaugeReadings of(List<LimitGauge> gauges, GaugeReadings previous) {
        List<LimitGauge> copy = gauges instanceof RandomAccess ? gauges : List.copyOf(gauges);
        Layout layout = previous != null && previous.layout.matches(copy)
                ? previous.layout : Layout.of(copy);
        long[] used = new long[copy.size()];
        for (int index = 0; index < used.length; index++) {
            used[index] = copy.get(index).used();
        }
        return new GaugeReadings(layout, used);
    }

    /** Returns whether these readings share their names and maximums with {@code other}. */
    public boolean sharesLayoutWith(GaugeReadings other) {
        return layout == other.layout;
    }

    @Override
    public LimitGauge get(int index) {
        return new LimitGauge(layout.limits[index], layout.resources[index], used[index],
                layout.maxima[index]);
    }

    @Override
    public int size() {
        return used.length;
    }
}
