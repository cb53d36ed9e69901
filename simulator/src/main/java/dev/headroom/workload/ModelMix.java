package dev.headroom.workload;

import dev.headroom.engine.RandomStream;
import java.util.List;

/** Chooses the model of each request in proportion to the configured shares. Immutable. */
public final class ModelMix {

    private final List<ModelOption> options;
    /** Upper bound of each option's slice of [0, 1). */
    private final double[] cumulativeShares;

    /** Creates a mix from at least one option; the shares must sum to more than zero. */
    public ModelMix(List<ModelOption> options) {
        this.options = List.copyOf(options);
        if (this.options.isEmpty()) {
            throw new IllegalArgumentException("the model mix needs at least one model");
        }
        double total = 0;
        for (ModelOption option : this.options) {
            total += option.share();
        }
        Checks.positive(total, "sum of model shares");
        cumulativeShares = new double[this.options.size()];
        double running = 0;
        for (int i = 0; i < cumulativeShares.length; i++) {
            running += this.options.get(i).share();
            cumulativeShares[i] = running / total;
        }
        cumulativeShares[cumulativeShares.length - 1] = 1.0;
    }

    public List<ModelOption> options() {
        return options;
    }

    public ModelOption option(int index) {
        return options.get(index);
    }

    /** Returns the probability that a request uses the model at {@code index}. */
    public double probability(int index) {
        double lower = index == 0 ? 0 : cumulativeShares[index - 1];
        return cumulativeShares[index] - lower;
    }

    /** Draws the index of one request's model with one uniform draw. */
    public int drawIndex(RandomStream stream) {
        double u = stream.nextDouble();
        for (int i = 0; i < cumulativeShares.length; i++) {
            if (u < cumulativeShares[i]) {
                return i;
            }
        }
        return cumulativeShares.length - 1;
    }
}
