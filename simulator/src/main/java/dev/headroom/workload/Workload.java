package dev.headroom.workload;

import dev.headroom.engine.RandomStream;
import dev.headroom.engine.RandomStreams;

/**
 * The workload of one simulation run: its parameters, its per-user state and its named random
 * streams. The run's event loop asks it when the next user signs up, when each user's next
 * request arrives and what that request is; the backends never see it.
 *
 * <p>Streams: {@code rates} (each user's mean rate), {@code churn} (lifetimes), {@code arrivals}
 * (request times), {@code sizes} (model and tokens), {@code durations}, and per-user
 * {@code emails} substreams. Each draws in the order the run makes the calls, which is fixed by
 * simulated time, so the same spec and seed give the same workload.
 *
 * <p>Not thread-safe.
 */
public final class Workload {

    private final WorkloadSpec spec;
    private final UserTable users;
    private final UserEmails emails;
    private final RequestGenerator requests;
    private final RandomStream rateStream;
    private final RandomStream churnStream;
    private final RandomStream arrivalStream;
    private final RandomStream sizeStream;
    private final RandomStream durationStream;
    /** Sign-ups driven by the growth curve, not counting replacements for users who left. */
    private int growthSignUps;

    public Workload(WorkloadSpec spec, RandomStreams streams) {
        this.spec = spec;
        this.users = new UserTable(1024);
        this.emails = new UserEmails(streams);
        this.requests = new RequestGenerator(
                new ModelMix(spec.models()), spec.tokenSizes(), spec.duration());
        this.rateStream = streams.stream("rates");
        this.churnStream = streams.stream("churn");
        this.arrivalStream = streams.stream("arrivals");
        this.sizeStream = streams.stream("sizes");
        this.durationStream = streams.stream("durations");
    }

    public WorkloadSpec spec() {
        return spec;
    }

    public UserTable users() {
        return users;
    }

    /**
     * Returns the time at which the growth curve next needs a user, at or after {@code now}, or
     * {@link Long#MAX_VALUE} if it needs none before {@code horizonMillis}. Replacements for
     * users who left are not counted here: the run signs them up when the user leaves.
     */
    public long nextGrowthSignUp(long now, long horizonMillis) {
        return spec.growth().timeToReach(growthSignUps + 1, now, horizonMillis);
    }

    /**
     * Signs up a user at {@code now}: draws their rate and lifetime, credits the initial
     * purchase to their balance and returns their index.
     *
     * @param reason whether the growth curve or a leaving user caused the sign-up
     */
    public int signUp(long now, SignUpReason reason) {
        if (reason == SignUpReason.GROWTH) {
            growthSignUps++;
        }
        double rate = spec.rates().drawPerDay(rateStream);
        long lifetime = spec.churn().drawLifetimeMillis(churnStream);
        long leave = lifetime == Long.MAX_VALUE || now > Long.MAX_VALUE - lifetime
                ? UserTable.NEVER : now + lifetime;
        return users.add(rate, now, leave, spec.credit().initialCreditMicros());
    }

    /** Returns the user's email address, stable for the seed. */
    public String email(int user) {
        return emails.emailOf(user);
    }

    /**
     * Draws the time of the user's next request after {@code afterMillis}, or returns
     * {@link Long#MAX_VALUE} if the user has left by then.
     */
    public long nextArrival(int user, long afterMillis) {
        long next = spec.profile().nextArrival(afterMillis, users.ratePerDay(user), arrivalStream);
        return next >= users.leaveMillis(user) ? Long.MAX_VALUE : next;
    }

    /** Draws the model, tokens, cost and duration of one request. */
    public Request drawRequest() {
        return requests.draw(sizeStream, durationStream);
    }
}
