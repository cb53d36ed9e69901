package dev.headroom.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.Engine;
import dev.headroom.engine.RandomStreams;
import dev.headroom.engine.SimTime;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private static final int SIGN_UP = 0;
    private static final int ARRIVAL = 1;

    @Test
    void run_sameSeedGivesSameWorkload() {
        assertEquals(simulate(spec(Churn.NONE), 31, 10), simulate(spec(Churn.NONE), 31, 10));
        assertNotEquals(simulate(spec(Churn.NONE), 31, 10), simulate(spec(Churn.NONE), 32, 10));
    }

    @Test
    void run_durationChangeLeavesArrivalsAndSizes() {
        WorkloadSpec base = spec(Churn.NONE);
        WorkloadSpec slower = new WorkloadSpec(base.growth(), base.churn(), base.rates(),
                base.profile(), base.models(), base.tokenSizes(),
                new DurationModel(5_000, 1, 50, 0.9), base.credit());

        List<String> a = withoutDurations(simulate(base, 31, 10));
        List<String> b = withoutDurations(simulate(slower, 31, 10));
        assertEquals(a, b);
    }

    @Test
    void run_requestCountMatchesRates() {
        Workload workload = new Workload(spec(Churn.NONE), new RandomStreams(5));
        int days = 28;
        long requests = run(workload, days * SimTime.DAY, new ArrayList<>());
        double expected = 0;
        for (int user = 0; user < workload.users().size(); user++) {
            long from = workload.users().signUpMillis(user);
            expected += workload.spec().profile().expectedArrivals(
                    from, days * SimTime.DAY, workload.users().ratePerDay(user));
        }

        // Given the drawn rates the count is Poisson: allow four standard deviations.
        assertEquals(expected, requests, 4 * Math.sqrt(expected));
        // 300 users per 14 days reach 600 exactly at the end, which the run excludes.
        assertEquals(599, workload.users().size());
    }

    @Test
    void nextGrowthSignUp_followsCurve() {
        Workload workload = new Workload(spec(Churn.NONE), new RandomStreams(5));
        GrowthCurve growth = workload.spec().growth();
        long now = 0;
        for (int n = 1; n <= 50; n++) {
            now = workload.nextGrowthSignUp(now, SimTime.YEAR);
            assertTrue(growth.usersAt(now) >= n, "user " + n + " at " + now);
            assertTrue(growth.usersAt(now - 1) < n, "user " + n + " not before " + now);
            workload.signUp(now, SignUpReason.GROWTH);
        }
        workload.signUp(now, SignUpReason.REPLACEMENT);
        assertEquals(growth.timeToReach(51, now, SimTime.YEAR),
                workload.nextGrowthSignUp(now, SimTime.YEAR));
    }

    @Test
    void signUp_churnSetsLeaveTimeAndEndsArrivals() {
        Workload workload = new Workload(spec(new Churn(0.5)), new RandomStreams(6));
        int user = workload.signUp(0, SignUpReason.GROWTH);
        long leave = workload.users().leaveMillis(user);

        assertTrue(leave < UserTable.NEVER);
        assertEquals(Long.MAX_VALUE, workload.nextArrival(user, leave));
        assertEquals(5_000_000, workload.users().balanceMicros(user));
    }

    @Test
    void email_stableAndUnique() {
        Workload first = new Workload(spec(Churn.NONE), new RandomStreams(7));
        Workload second = new Workload(spec(Churn.NONE), new RandomStreams(7));
        Set<String> seen = new HashSet<>();
        for (int user = 0; user < 1_000; user++) {
            String email = first.email(user);
            assertEquals(email, second.email(user));
            assertTrue(email.matches("[a-z]{4,12}\\." + user + "@example\\.(com|org|net)"), email);
            assertTrue(seen.add(email), "duplicate " + email);
        }
    }

    private static WorkloadSpec spec(Churn churn) {
        double[] hourly = new double[24];
        Arrays.fill(hourly, 1);
        hourly[3] = 0;
        hourly[14] = 3;
        double[] weekday = {1, 1, 1, 1, 1, 0.5, 0.5};
        return new WorkloadSpec(
                new LinearGrowth(0, 300.0 / 14),
                churn,
                new RateDistribution.LogNormal(10, 1),
                new ArrivalProfile(hourly, weekday, DayOfWeek.TUESDAY),
                List.of(new ModelOption("gpt-4o-mini", 9, 150_000, 600_000),
                        new ModelOption("gpt-4o", 1, 2_500_000, 10_000_000)),
                TokenSizeTable.bundled(TokenSizeTable.AZURE_CONVERSATION_2023),
                new DurationModel(300, 0.05, 15, 0.3),
                new CreditPolicy(5_000_000, 1_000_000, 10_000_000));
    }

    private static List<String> simulate(WorkloadSpec spec, long seed, int days) {
        List<String> trace = new ArrayList<>();
        run(new Workload(spec, new RandomStreams(seed)), days * SimTime.DAY, trace);
        return trace;
    }

    /** Drives sign-ups and arrivals with the engine and returns the number of requests. */
    private static long run(Workload workload, long end, List<String> trace) {
        Engine engine = new Engine(1024);
        long[] requests = new long[1];
        engine.scheduleAt(workload.nextGrowthSignUp(0, end), SIGN_UP, 0);
        engine.run(end, (e, kind, subject) -> {
            if (kind == SIGN_UP) {
                int user = workload.signUp(e.now(), SignUpReason.GROWTH);
                trace.add(e.now() + " signup " + workload.email(user));
                scheduleArrival(e, workload, user, end);
                long next = workload.nextGrowthSignUp(e.now(), end);
                if (next < end) {
                    e.scheduleAt(next, SIGN_UP, 0);
                }
            } else {
                Request request = workload.drawRequest();
                requests[0]++;
                trace.add(e.now() + " user " + subject + " " + request);
                scheduleArrival(e, workload, subject, end);
            }
        });
        return requests[0];
    }

    private static void scheduleArrival(Engine engine, Workload workload, int user, long end) {
        long next = workload.nextArrival(user, engine.now());
        if (next < end) {
            engine.scheduleAt(next, ARRIVAL, user);
        }
    }

    private static List<String> withoutDurations(List<String> trace) {
        List<String> result = new ArrayList<>();
        for (String line : trace) {
            result.add(line.replaceAll("durationMillis=\\d+", ""));
        }
        return result;
    }
}
