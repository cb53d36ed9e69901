package dev.headroom.run;

/** The sum of the last {@code n} daily costs, in micro-dollars. Not thread-safe. */
final class CostWindow {

    private final long[] costs;
    private int next;
    private long sum;

    CostWindow(int days) {
        this.costs = new long[days];
    }

    /** Adds one day's cost, dropping the oldest once the window is full. */
    void add(long micros) {
        sum = Math.addExact(sum - costs[next], micros);
        costs[next] = micros;
        next = (next + 1) % costs.length;
    }

    long sum() {
        return sum;
    }
}
