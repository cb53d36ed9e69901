package dev.headroom.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The spread of one event's date over the seeds of a sweep. A seed in which the event never
 * happened counts as later than every date. Percentiles use the nearest rank: the p-th
 * percentile of n values is the value at rank ceil(p × n / 100), so one seed gave it, and the
 * median of an even count is the lower middle value. The p-th percentile is a date when the
 * event happened in at least p percent of the seeds, and by that date p percent had seen it.
 *
 * @param happened the number of seeds in which the event happened
 * @param seeds the number of seeds
 * @param earliest the earliest date, if any seed had the event
 * @param p10 the 10th percentile, if it is a date
 * @param median the median date, if it is a date
 * @param p90 the 90th percentile, if it is a date
 * @param latest the latest date, if every seed had the event
 * @param medianIndex the index, in the order given, of the seed whose value is the median
 */
record DateSpread(int happened, int seeds, Optional<String> earliest, Optional<String> p10,
        Optional<String> median, Optional<String> p90, Optional<String> latest,
        int medianIndex) {

    /**
     * Computes the spread of ISO-8601 dates, one per seed in order. An empty value is a seed in
     * which the event never happened. The list must not be empty.
     */
    static DateSpread of(List<Optional<String>> dates) {
        List<Integer> order = new ArrayList<>();
        for (int index = 0; index < dates.size(); index++) {
            order.add(index);
        }
        Comparator<Optional<String>> neverLast =
                Comparator.comparing(date -> date.orElse(null),
                        Comparator.nullsLast(Comparator.naturalOrder()));
        order.sort(Comparator.comparing(dates::get, neverLast));
        int happened = (int) dates.stream().filter(Optional::isPresent).count();
        int medianIndex = order.get(rank(50, dates.size()));
        return new DateSpread(happened, dates.size(), dates.get(order.get(0)),
                dates.get(order.get(rank(10, dates.size()))), dates.get(medianIndex),
                dates.get(order.get(rank(90, dates.size()))),
                dates.get(order.get(order.size() - 1)), medianIndex);
    }

    /** Returns the zero-based position of the nearest-rank {@code percent}-th percentile. */
    static int rank(int percent, int count) {
        return Math.max(0, (percent * count + 99) / 100 - 1);
    }
}
