package dev.headroom.run;

import dev.headroom.model.credit.AdmissionDesign;
import dev.headroom.model.credit.AdmissionParams;
import dev.headroom.scenario.DurationDistribution;
import dev.headroom.scenario.Growth;
import dev.headroom.scenario.ModelPrice;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.TokenSizes;
import dev.headroom.workload.ArrivalProfile;
import dev.headroom.workload.Churn;
import dev.headroom.workload.CreditPolicy;
import dev.headroom.workload.DurationModel;
import dev.headroom.workload.ExponentialGrowth;
import dev.headroom.workload.GrowthCurve;
import dev.headroom.workload.GrowthPoint;
import dev.headroom.workload.LinearGrowth;
import dev.headroom.workload.LogisticGrowth;
import dev.headroom.workload.ModelOption;
import dev.headroom.workload.PiecewiseGrowth;
import dev.headroom.workload.QuantileTable;
import dev.headroom.workload.RateDistribution;
import dev.headroom.workload.TokenSizeTable;
import dev.headroom.workload.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;

/** Maps a scenario's workload, growth, churn, credits and admission onto the run's types. */
final class WorkloadMapping {

    /**
     * The log-normal shape whose coefficient of variation is 1, like an exponential's:
     * {@code sqrt(exp(s^2) - 1) = 1} gives {@code s = sqrt(ln 2)}.
     */
    static final double EXPONENTIAL_LIKE_SHAPE = Math.sqrt(Math.log(2));

    private WorkloadMapping() {
    }

    /**
     * Maps the scenario onto the workload's parameters.
     *
     * @param baseDir the folder that relative token-size files are resolved against
     */
    static WorkloadSpec workload(Scenario scenario, Path baseDir) {
        var workload = scenario.workload();
        var credits = workload.credits();
        return new WorkloadSpec(
                growth(scenario.growth()),
                new Churn(scenario.churn().monthlyRate()),
                rates(workload.requestRate()),
                profile(workload.profile(), scenario.startDate().getDayOfWeek()),
                models(workload.models()),
                tokenSizes(workload.tokenSizes(), baseDir),
                duration(workload.requestDuration()),
                new CreditPolicy(credits.initialMicros(), credits.topUpBelowMicros(),
                        credits.topUpMicros()));
    }

    /** Maps the scenario's admission design and balance cache TTL. */
    static AdmissionParams admission(Scenario scenario) {
        AdmissionDesign design = switch (scenario.admission()) {
            case CACHED_CHECK -> AdmissionDesign.CACHED_CHECK;
            case UNCACHED_CHECK -> AdmissionDesign.UNCACHED_CHECK;
            case ATOMIC_DEBIT -> AdmissionDesign.ATOMIC_DEBIT;
        };
        return new AdmissionParams(design, scenario.balanceCacheTtl().toMillis());
    }

    static GrowthCurve growth(Growth growth) {
        if (growth instanceof Growth.Piecewise piecewise) {
            List<GrowthPoint> points = piecewise.points().stream()
                    .map(point -> new GrowthPoint(point.at().toMillis(), point.users()))
                    .toList();
            return new PiecewiseGrowth(points);
        }
        if (growth instanceof Growth.Linear linear) {
            return new LinearGrowth(linear.initialUsers(), linear.usersPerYear() / 365.0);
        }
        if (growth instanceof Growth.Exponential exponential) {
            return ExponentialGrowth.ofYearlyFactor(exponential.initialUsers(),
                    1 + exponential.annualGrowth());
        }
        Growth.Logistic logistic = (Growth.Logistic) growth;
        double initial = logistic.capacity() / (1 + Math.exp(logistic.startExponent()));
        return new LogisticGrowth(logistic.capacity(), initial, logistic.ratePerYear() / 365.0);
    }

    private static RateDistribution rates(dev.headroom.scenario.RateDistribution rate) {
        return switch (rate.kind()) {
            case CONSTANT -> new RateDistribution.Fixed(rate.meanPerDay());
            case LOGNORMAL -> new RateDistribution.LogNormal(rate.meanPerDay(), rate.sigma());
        };
    }

    private static ArrivalProfile profile(dev.headroom.scenario.ArrivalProfile profile,
            DayOfWeek firstDay) {
        double[] hourly = profile.hourly().stream().mapToDouble(Double::doubleValue).toArray();
        double[] weekday = profile.weekday().stream().mapToDouble(Double::doubleValue).toArray();
        return new ArrivalProfile(hourly, weekday, firstDay);
    }

    private static List<ModelOption> models(List<ModelPrice> prices) {
        return prices.stream()
                .map(price -> new ModelOption(price.name(), price.share(),
                        price.inputMicrosPerMillionTokens(),
                        price.outputMicrosPerMillionTokens()))
                .toList();
    }

    private static TokenSizeTable tokenSizes(TokenSizes sizes, Path baseDir) {
        if (sizes instanceof TokenSizes.Bundled bundled) {
            return TokenSizeTable.bundled(bundled.dataset());
        }
        if (sizes instanceof TokenSizes.Fixed fixed) {
            double[] probabilities = {0.0, 1.0};
            return new TokenSizeTable(List.of("fixed sizes"),
                    new QuantileTable(probabilities,
                            new double[] {fixed.tokensIn(), fixed.tokensIn()}),
                    new QuantileTable(probabilities,
                            new double[] {fixed.tokensOut(), fixed.tokensOut()}));
        }
        Path file = baseDir.resolve(((TokenSizes.FromFile) sizes).file());
        try {
            return TokenSizeTable.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token-size table " + file, e);
        }
    }

    /**
     * Maps the request duration. The workload spreads durations with a log-normal factor of mean
     * 1, so an exponential base is approximated by the log-normal with the same coefficient of
     * variation.
     */
    private static DurationModel duration(dev.headroom.scenario.RequestDuration duration) {
        DurationDistribution base = duration.base();
        double perOutputToken = duration.perThousandTokensOut().toNanos() / 1e9;
        double shape = switch (base.kind()) {
            case FIXED -> 0.0;
            case EXPONENTIAL -> EXPONENTIAL_LIKE_SHAPE;
            case LOGNORMAL -> base.sigma();
        };
        return new DurationModel(base.mean().toNanos() / 1e6, 0.0, perOutputToken, shape);
    }
}
