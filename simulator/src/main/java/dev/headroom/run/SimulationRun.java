package dev.headroom.run;

import dev.headroom.engine.Engine;
import dev.headroom.engine.RandomStreams;
import dev.headroom.engine.SimTime;
import dev.headroom.model.BackendModel;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.credit.Admission;
import dev.headroom.model.credit.BackendCall;
import dev.headroom.model.credit.CreditAdmission;
import dev.headroom.plan.DayObservation;
import dev.headroom.plan.Phase;
import dev.headroom.plan.PhaseChange;
import dev.headroom.plan.Plan;
import dev.headroom.plan.PlanTracker;
import dev.headroom.workload.Request;
import dev.headroom.workload.SignUpReason;
import dev.headroom.workload.Workload;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulation run: the engine drives the workload's sign-ups and chat requests through credit
 * admission and the live phase's backend model, closes the metrics of each simulated day, and
 * follows the plan's triggers and migrations.
 *
 * <p>Per chat request: admission decides on the cached balance or makes the ledger call its
 * design needs (a balance read, or a conditional debit sent as a write); a failed call fails the
 * request. An admitted request ends after the call's latency plus its duration, when its usage
 * row is appended; a top-up that the credit policy triggers then is appended as its own row.
 * A request starts on the backend before its first call, which may refuse it (PostgreSQL when
 * no connection is free), and ends on it after its last. When a phase change replaced that
 * backend in between, the request starts on the new one for its usage row, and ends there at
 * once. A sign-up makes the backend's sign-up calls and appends the initial credit purchase as a
 * row, except for the users present at the start, who signed up before the run and make no
 * call.
 *
 * <p>A backend with a background job (the Sheets archive job) names the time of its next call;
 * the run schedules an event there, and each call names the time of the one after it, so the
 * job's calls follow one another in simulated time between users' calls. A phase change stops
 * the replaced backend's job.
 *
 * <p>A run is single-use and not thread-safe. Log lines start with the simulated day and date.
 */
public final class SimulationRun {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationRun.class);

    static final int SIGN_UP = 0;
    static final int ARRIVAL = 1;
    static final int REQUEST_END = 2;
    static final int LEAVE = 3;
    static final int DAY_END = 4;
    static final int PHASE_LIVE = 5;
    /** A call of the live backend's background job; the subject is the backend's generation. */
    static final int JOB_CALL = 6;

    private final RunSetup setup;
    private final long horizonMillis;
    private final Workload workload;
    private final Plan plan;
    private final PlanTracker tracker;
    private final CreditAdmission admission;
    private final UserLedgerState ledger;
    private final InFlightRequests inFlight = new InFlightRequests();
    /** Users whose last credit purchase failed to store its row, to be tried again. */
    private final BitSet pendingTopUps = new BitSet();
    private final DailyMetrics metrics = new DailyMetrics();
    private final CostWindow costWindow = new CostWindow(30);
    private final List<DayRecord> days = new ArrayList<>();
    /** The gauges of the last closed record, whose names the next record's share when unchanged. */
    private GaugeReadings lastGauges;
    private final Engine engine = new Engine(4096);

    private BackendModel backend;
    /** Counts the backends the run has made live, so a replaced one's job events are dropped. */
    private int backendGeneration;
    /** The phase serving in the open record's part of the day, which the record names. */
    private String dayPhase;
    /** The phase being migrated to at the start of the open record, or an empty string. */
    private String dayMigratingTo = "";
    /** The simulated time at which the current day started. */
    private long dayStartMillis;
    /** The simulated time at which the open record started: midnight, or a mid-day go-live. */
    private long recordStartMillis;
    /** The index of the day still open. */
    private int openDay;
    private long costSegmentStart;
    /**
     * The part of the current day's hosting cost that paid for the store being migrated to,
     * which the monthly_cost trigger leaves out, so a migration's overlap does not fire the next.
     */
    private long dayStandbyMicros;
    /** The current day's hosting cost so far, standby left out, for the monthly_cost trigger. */
    private long dayCostMicros;
    private long activeUsers;
    private RunProgress progress = RunProgress.NONE;

    public SimulationRun(RunSetup setup) {
        this.setup = setup;
        this.horizonMillis = setup.horizonDays() * SimTime.DAY;
        RandomStreams streams = new RandomStreams(setup.seed());
        this.workload = new Workload(setup.workload(), streams);
        this.plan = setup.plan().apply(streams);
        this.tracker = new PlanTracker(plan);
        this.admission = new CreditAdmission(setup.admission());
        this.ledger = new UserLedgerState(workload);
    }

    /** Runs the whole horizon and returns what it produced. */
    public RunResult run(RunProgress progressListener) {
        this.progress = progressListener;
        Phase first = plan.phases().get(0);
        backend = first.factory().create(null, ledger, 0);
        dayPhase = first.name();
        // Each line names the seed, because a sweep's runs log at the same time.
        LOG.info("[seed {} day 0 {}] run of scenario '{}' started: {} days, phase '{}' on {}",
                setup.seed(), setup.startDate(), setup.scenarioName(), setup.horizonDays(),
                first.name(), first.backend());

        scheduleNextSignUp(0);
        scheduleJobCall(backend.nextJobCallMillis(0));
        engine.scheduleAt(SimTime.DAY, DAY_END, 0);
        // The last day closes at the horizon itself, so run one millisecond past it.
        engine.run(horizonMillis + 1, this::handle);

        long signUps = days.stream().mapToLong(DayRecord::signUps).sum();
        long failedSignUps = days.stream().mapToLong(DayRecord::failedSignUps).sum();
        // The run stops as its last day ends, so the line names that day, not the next.
        int lastDay = setup.horizonDays() - 1;
        LOG.info("[seed {} day {} {}] run of scenario '{}' stopped: {} events, {} sign-ups, {}"
                + " of them failed", setup.seed(), lastDay, setup.startDate().plusDays(lastDay),
                setup.scenarioName(), engine.eventsProcessed(), signUps, failedSignUps);
        return new RunResult(setup.scenarioName(), setup.seed(), setup.startDate(), days,
                setup.phases(), tracker.changes(), plan.developmentCostMicros(0),
                engine.eventsProcessed());
    }

    private void handle(Engine clock, int kind, int subject) {
        long now = clock.now();
        // A day covers [start, start + DAY). An event at a day's end belongs to the next day, so
        // the day closes first, whatever order the events at that time were scheduled in.
        closeDueDays(now);
        switch (kind) {
            case ARRIVAL -> arrive(subject, now);
            case REQUEST_END -> endRequest(subject, now);
            case SIGN_UP -> signUp(SignUpReason.GROWTH, now);
            case LEAVE -> leave(now);
            case DAY_END -> {
                // closeDueDays has closed the day already.
            }
            case PHASE_LIVE -> goLive(now);
            case JOB_CALL -> runJobCall(subject, now);
            default -> throw new IllegalStateException("unknown event kind " + kind);
        }
    }

    /**
     * Makes the live backend's next job call, unless the event belongs to a backend that a
     * phase change has replaced, whose job stops with it.
     */
    private void runJobCall(int generation, long now) {
        if (generation == backendGeneration) {
            scheduleJobCall(backend.runJobCall(now));
        }
    }

    private void scheduleJobCall(long at) {
        if (at < horizonMillis) {
            engine.scheduleAt(at, JOB_CALL, backendGeneration);
        }
    }

    private void scheduleNextSignUp(long now) {
        long next = workload.nextGrowthSignUp(now, horizonMillis);
        if (next < horizonMillis) {
            engine.scheduleAt(next, SIGN_UP, 0);
        }
    }

    /**
     * Signs up a user. The users that the growth curve has at the start signed up before the
     * run: their tab or items and their initial credit row exist, and they make no call.
     */
    private void signUp(SignUpReason reason, long now) {
        int user = workload.signUp(now, reason);
        long credit = setup.workload().credit().initialCreditMicros();
        boolean beforeStart = reason == SignUpReason.GROWTH && now == 0;
        CallOutcome outcome = beforeStart
                ? backend.signUpBeforeStart(user, workload.email(user), credit > 0 ? 1 : 0)
                : backend.signUp(user, workload.email(user), now);
        boolean placed = metrics.signUp(outcome, now);
        ledger.signedUp(user, placed);
        if (placed && !beforeStart && credit > 0 && !buyCredit(user, credit, now)) {
            // The ledger has no row of the initial credit, so the user cannot start.
            metrics.signUpAbandoned(now);
            ledger.signedUp(user, false);
            placed = false;
        }
        if (placed) {
            activeUsers++;
            if (beforeStart) {
                creditBeforeStart(user, credit);
            }
            scheduleArrival(user, now);
            long leave = workload.users().leaveMillis(user);
            if (leave < horizonMillis) {
                engine.scheduleAt(leave, LEAVE, user);
            }
        }
        if (reason == SignUpReason.GROWTH) {
            scheduleNextSignUp(now);
        }
    }

    private void leave(long now) {
        activeUsers--;
        signUp(SignUpReason.REPLACEMENT, now);
    }

    private void scheduleArrival(int user, long now) {
        long next = workload.nextArrival(user, now);
        if (next < horizonMillis) {
            engine.scheduleAt(next, ARRIVAL, user);
        }
    }

    private void arrive(int user, long now) {
        metrics.requestArrived();
        scheduleArrival(user, now);
        // Drawn before anything can refuse the request, so that runs whose limits differ draw
        // the same requests.
        Request request = workload.drawRequest();
        if (!metrics.requestStarted(backend.startRequest(now), now)) {
            return;
        }
        if (pendingTopUps.get(user)) {
            pendingTopUps.clear(user);
            boolean bought = topUp(user,
                    setup.workload().credit().topUpAfter(admission.balanceMicros(user)), now);
            if (!bought && admission.balanceMicros(user) <= 0) {
                // The user cannot pay, because the ledger cannot store the purchase: an outage,
                // not a lack of credit.
                metrics.requestFailed(now);
                backend.endRequest(now);
                return;
            }
        }
        Admission decision = admission.onRequestStart(user, now, request.costMicros());
        long callLatency = 0;
        if (decision.call() == BackendCall.NONE) {
            metrics.cacheHit();
        } else {
            CallOutcome outcome = admissionCall(decision, user, now);
            boolean succeeded = decision.call() == BackendCall.BALANCE_READ
                    ? metrics.balanceRead(outcome)
                    : metrics.rowAppended(outcome);
            callLatency = outcome.latencyMillis();
            if (!succeeded) {
                failAdmittedRequest(user, decision, now);
                backend.endRequest(now);
                return;
            }
            if (decision.call() == BackendCall.CONDITIONAL_DEBIT && decision.admitted()) {
                // The model stored the debit as a row, so a later migration must carry it too.
                ledger.rowStored(user);
            }
        }
        if (!decision.admitted()) {
            metrics.rejectedForCredit();
            topUp(user, setup.workload().credit().topUpOnRejection(
                    admission.balanceMicros(user), request.costMicros()), now);
            backend.endRequest(now);
            return;
        }
        metrics.admitted();
        int slot = inFlight.open(user, request, backendGeneration);
        engine.scheduleAt(now + callLatency + request.durationMillis(), REQUEST_END, slot);
    }

    /**
     * Makes the ledger call that an admission decision names: a balance read, or a conditional
     * debit, which stores a row only when the balance covers it.
     */
    private CallOutcome admissionCall(Admission decision, int user, long now) {
        if (decision.call() == BackendCall.BALANCE_READ) {
            return backend.readBalance(user, now);
        }
        return decision.admitted()
                ? backend.appendRow(user, now)
                : backend.rejectedWrite(user, now);
    }

    /**
     * Fails a request whose admission call failed. An admitted request is closed at zero cost, so
     * the credit model logs nothing for it.
     */
    private void failAdmittedRequest(int user, Admission decision, long now) {
        metrics.requestFailed(now);
        if (decision.admitted()) {
            admission.onRequestEnd(user, now, 0);
        }
    }

    private void endRequest(int slot, long now) {
        int user = inFlight.user(slot);
        long cost = inFlight.costMicros(slot);
        long tokensIn = inFlight.tokensIn(slot);
        long tokensOut = inFlight.tokensOut(slot);
        boolean sameBackend = inFlight.generation(slot) == backendGeneration;
        inFlight.close(slot);
        // A request that started on a backend since replaced has no connection on the live one,
        // so its append opens one there first, which the live backend may reject.
        boolean connected = sameBackend
                || metrics.requestStarted(backend.startRequest(now), now);
        // As with credit, a cost counts against the balance only once its row is stored. Under
        // an atomic debit it was taken when the request started, so the user paid for it even
        // when its usage row fails.
        boolean stored = connected && appendRow(user, now);
        if (stored || admission.debitsAtStart()) {
            metrics.usageBilled(tokensIn, tokensOut, cost);
        }
        long overspendBefore = admission.totalOverspendMicros();
        admission.onRequestEnd(user, now, stored ? cost : 0);
        metrics.overspend(admission.totalOverspendMicros() - overspendBefore);
        if (stored) {
            long topUp = setup.workload().credit().topUpAfter(admission.balanceMicros(user));
            topUp(user, topUp, now);
        } else if (connected) {
            metrics.requestFailed(now);
        }
        if (connected) {
            backend.endRequest(now);
        }
    }

    /**
     * Buys a top-up, credit bought after sign-up, and counts it in the day's metrics as bought or
     * as a failed attempt. An amount of 0 buys nothing and counts nothing.
     *
     * @return whether the credit row was stored, or there was nothing to buy
     */
    private boolean topUp(int user, long amountMicros, long now) {
        boolean stored = buyCredit(user, amountMicros, now);
        if (amountMicros > 0) {
            metrics.topUp(stored, amountMicros);
        }
        return stored;
    }

    /**
     * Buys credit: the purchase counts once its row is stored. A purchase whose row failed is
     * tried again at the user's next request, as a user whose payment did not go through would.
     *
     * @return whether the credit row was stored, or there was nothing to buy
     */
    private boolean buyCredit(int user, long amountMicros, long now) {
        if (amountMicros <= 0) {
            return true;
        }
        if (!appendRow(user, now)) {
            pendingTopUps.set(user);
            return false;
        }
        admission.onCredit(user, now, amountMicros);
        return true;
    }

    private void creditBeforeStart(int user, long amountMicros) {
        if (amountMicros > 0) {
            admission.onCredit(user, 0, amountMicros);
            ledger.rowStored(user);
        }
    }

    private boolean appendRow(int user, long now) {
        boolean stored = metrics.rowAppended(backend.appendRow(user, now));
        if (stored) {
            ledger.rowStored(user);
        }
        return stored;
    }

    private void closeDueDays(long now) {
        while (dayStartMillis + SimTime.DAY <= now) {
            closeDay(openDay, dayStartMillis + SimTime.DAY);
        }
    }

    private void closeDay(int day, long now) {
        DayRecord record = closeRecord(day, now);
        costWindow.add(dayCostMicros);
        dayCostMicros = 0;
        // A phase that went live after midnight started the day's last record then.
        boolean mixed = recordStartMillis != dayStartMillis;
        dayStartMillis = now;
        recordStartMillis = now;
        openDay = day + 1;
        // A migration started as the last day closes would start after the run. On a day that
        // two phases served, the new phase's trigger would judge only part of a day.
        if (now < horizonMillis && !mixed) {
            evaluateTrigger(record, now);
        }
        dayPhase = plan.phases().get(tracker.livePhase()).name();
        dayMigratingTo = tracker.pending()
                .map(change -> plan.phases().get(change.to()).name())
                .orElse("");

        if (now + SimTime.DAY <= horizonMillis) {
            engine.scheduleAt(now + SimTime.DAY, DAY_END, day + 1);
        }
        progress.dayClosed(day, setup.horizonDays());
    }

    /**
     * Closes the open record of day {@code day} at {@code now}: collects the live backend's
     * counts and gauges and bills its hosting since the last bill.
     */
    private DayRecord closeRecord(int day, long now) {
        collectAndBill(now);
        lastGauges = GaugeReadings.of(backend.gauges(), lastGauges);
        DayRecord record = metrics.close(day, setup.startDate().plusDays(day),
                recordStartMillis - dayStartMillis, dayPhase, dayMigratingTo, activeUsers,
                lastGauges);
        days.add(record);
        // The day's cost includes the replaced backend's share on the day a phase goes live.
        dayCostMicros = Math.addExact(dayCostMicros,
                record.hostingCostMicros() - dayStandbyMicros);
        dayStandbyMicros = 0;
        return record;
    }

    /** Adds the live backend's counts and its hosting cost up to {@code now} to the metrics. */
    private void collectAndBill(long now) {
        metrics.collectThrottles(backend);
        metrics.collectCacheCount(backend);
        metrics.collectArchiveCount(backend);
        billSegment(now);
    }

    private void evaluateTrigger(DayRecord record, long now) {
        DayObservation observation = new DayObservation(record.day(), record.date(),
                record.users(), record.throttles(), record.failedRequests(),
                record.failedSignUps(), record.latencyP95Millis(), costWindow.sum());
        tracker.onDayEnd(observation, now).ifPresent(change -> {
            long live = tracker.pendingLiveMillis();
            LOG.info("[seed {} day {} {}] migration from '{}' to '{}' started ({}); live on"
                    + " day {}", setup.seed(), record.day() + 1, record.date().plusDays(1),
                    plan.phases().get(change.from()).name(),
                    plan.phases().get(change.to()).name(), change.reason(),
                    SimTime.dayOf(live));
            // A zero lead time goes live here, before any event already queued for this
            // millisecond reaches the old backend and is counted on the new phase's day.
            if (live == now) {
                goLive(now);
            } else if (live < horizonMillis) {
                engine.scheduleAt(live, PHASE_LIVE, change.to());
            }
        });
    }

    /**
     * Adds the hosting cost since the last bill: the serving backend's, and, while a migration
     * is under way, the fixed price of the store being migrated to.
     */
    private void billSegment(long now) {
        HostingCost cost = backend.hostingCost(costSegmentStart, now);
        Optional<PhaseChange> pending = tracker.pending();
        if (pending.isPresent()) {
            PhaseChange change = pending.get();
            HostingCost standby = plan.phases().get(change.to()).standby()
                    .cost(change.startMillis(), costSegmentStart, now);
            cost = cost.plus(standby);
            dayStandbyMicros = Math.addExact(dayStandbyMicros, standby.total());
        }
        metrics.hostingCost(cost);
        costSegmentStart = now;
    }

    /**
     * Makes the pending phase live. After midnight, the old phase's part of the day closes into
     * a record of its own first, so the new phase's calls, failures and gauges fall on the next.
     */
    private void goLive(long now) {
        if (now == recordStartMillis) {
            collectAndBill(now);
        } else {
            closeRecord(openDay, now);
            recordStartMillis = now;
        }
        BackendModel previous = backend;
        Phase phase = tracker.goLive(now);
        backend = phase.factory().create(previous, ledger, now);
        long rowsNotCopied = backend.rowsNotImported();
        tracker.rowsNotCopied(rowsNotCopied);
        backendGeneration++;
        metrics.backendReplaced();
        scheduleJobCall(backend.nextJobCallMillis(now));
        dayPhase = phase.name();
        dayMigratingTo = "";
        int day = SimTime.dayOf(now);
        LOG.info("[seed {} day {} {}] phase '{}' live on {}", setup.seed(), day,
                setup.startDate().plusDays(day), phase.name(), phase.backend());
        if (rowsNotCopied > 0) {
            LOG.warn("[seed {} day {} {}] phase '{}' went live without {} earlier rows, which"
                    + " did not fit under its limit", setup.seed(), day,
                    setup.startDate().plusDays(day), phase.name(), rowsNotCopied);
        }
    }
}
