package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.LedgerException;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.sheets.LoopbackProxy.AppendFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit of the Sheets ledgers through the real client, the emulator and a loopback proxy
 * that fails chosen appends. Each test blocks the first append of a user in its retry wait
 * until the rows it wants batched are queued behind it, so the batches are deterministic.
 */
class SheetsGroupCommitTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String EMAIL = "ann@example.com";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private EmulatorFixture emulator;
    private LoopbackProxy proxy;
    private TabPerUserLedger ledger;

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
        if (proxy != null) {
            proxy.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** Opens a tab-per-user ledger whose first retry wait blocks until {@link #release}. */
    private void open(EmulatorFixture fixture) {
        emulator = fixture;
        proxy = LoopbackProxy.start(emulator.rootUrl());
        SheetsConnection connection = SheetsClients.emulator(proxy.rootUrl(), "proxy");
        SheetsLedgerSettings settings = emulator.settings(delay -> {
            if (holding.getCount() > 0) {
                holding.countDown();
                release.await();
            }
        });
        ledger = TabPerUserLedger.singleWorkbook(connection, emulator.newWorkbook(), settings);
        assertEquals(RecordOutcome.RECORDED, ledger.record(credit("setup", 1_000_000)));
    }

    private static Transaction credit(String id, long micros) {
        return Transaction.credit(id, EMAIL, T0, micros);
    }

    private static Transaction usage(String id, long micros, String model) {
        return new Transaction(id, EMAIL, T0, TransactionKind.USAGE, model, 10, 20, micros, 5);
    }

    /**
     * Starts {@code first}, whose append the proxy rejects, and waits until it is held in its
     * retry wait. Then starts {@code others} and waits until {@code queuedRows} rows are queued
     * behind it and every other call waits. Runs {@code whileHeld}, if given, on this thread,
     * then releases the first call. Returns the result of each call, {@code whileHeld} last: its
     * outcome, or the ledger error it threw.
     *
     * @param batchFaults what the proxy does with the appends after the first call's retry
     */
    private List<Object> runBehindHeldAppend(Callable<Object> first, int queuedRows,
            List<Callable<Object>> others, Callable<Object> whileHeld,
            AppendFault... batchFaults) throws Exception {
        proxy.planAppends(AppendFault.BEFORE_FORWARDING, AppendFault.NONE);
        proxy.planAppends(batchFaults);
        List<Future<Object>> results = new ArrayList<>();
        results.add(pool.submit(() -> resultOf(first)));
        assertTrue(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS), "first append held");
        for (Callable<Object> call : others) {
            results.add(pool.submit(() -> resultOf(call)));
        }
        awaitQueued(1 + queuedRows, others.size());
        Object heldResult = whileHeld == null ? null : resultOf(whileHeld);
        release.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> result : results) {
            outcomes.add(result.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        if (whileHeld != null) {
            outcomes.add(heldResult);
        }
        return outcomes;
    }

    private List<Object> runBehindHeldAppend(Callable<Object> first, List<Transaction> queued,
            AppendFault... batchFaults) throws Exception {
        return runBehindHeldAppend(first, queued.size(), records(queued), null, batchFaults);
    }

    private static Object resultOf(Callable<Object> call) throws Exception {
        try {
            return call.call();
        } catch (LedgerException e) {
            return e;
        }
    }

    private void awaitQueued(int pendingRows, int waitingCallers)
            throws InterruptedException {
        LedgerTab tab = ledger.tabOf(EMAIL);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            tab.lock.lock();
            try {
                if (tab.pendingRows() == pendingRows
                        && tab.waitingCallers() == waitingCallers) {
                    return;
                }
            } finally {
                tab.lock.unlock();
            }
            Thread.sleep(5);
        }
        fail("expected " + pendingRows + " pending rows and " + waitingCallers
                + " waiting callers for " + EMAIL + " within " + WAIT);
    }

    private List<Callable<Object>> records(List<Transaction> rows) {
        List<Callable<Object>> calls = new ArrayList<>();
        for (Transaction row : rows) {
            calls.add(() -> ledger.record(row));
        }
        return calls;
    }

    private List<String> storedIds() {
        List<String> ids = new ArrayList<>();
        for (Transaction row : ledger.transactions(EMAIL, Instant.MIN, Instant.MAX)) {
            ids.add(row.transactionId());
        }
        return ids;
    }

    private static List<Transaction> credits(String prefix, int count) {
        List<Transaction> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(credit(prefix + i, 1 + i));
        }
        return rows;
    }

    @Test
    void queuedRows_shareOneAppend() throws Exception {
        open(EmulatorFixture.withHighQuotas());
        List<Transaction> queued = credits("q-", 12);

        List<Object> outcomes = runBehindHeldAppend(() -> ledger.record(credit("first", 1)),
                queued);

        for (Object outcome : outcomes) {
            assertEquals(RecordOutcome.RECORDED, outcome);
        }
        // The header and setup rows, the rejected first append, its retry, and one append for
        // the 12 queued rows.
        assertEquals(List.of(200, 200, 503, 200, 200), proxy.appendStatuses());
        assertEquals(14, storedIds().size());
        assertEquals(1_000_000 + 1 + 78, ledger.balanceMicros(EMAIL));
    }

    @Test
    void sameIdQueuedTwice_isDuplicate() throws Exception {
        open(EmulatorFixture.withHighQuotas());
        Transaction row = credit("twice", 5);

        List<Object> outcomes = runBehindHeldAppend(() -> ledger.record(row), 0,
                List.of(() -> ledger.record(row)), null);

        assertEquals(RecordOutcome.RECORDED, outcomes.get(0));
        assertEquals(RecordOutcome.DUPLICATE, outcomes.get(1));
        assertEquals(List.of("setup", "twice"), storedIds());
        assertEquals(1_000_005, ledger.balanceMicros(EMAIL));
    }

    @Test
    void admission_countsQueuedDebitsNotCredits() throws Exception {
        open(EmulatorFixture.withHighQuotas());
        Transaction spendAll = usage("spend", 1_000_000, "gpt-4o");
        Transaction topUp = credit("top-up", 500_000);

        List<Object> outcomes = runBehindHeldAppend(() -> ledger.admit(spendAll), 1,
                List.of(() -> ledger.record(topUp)),
                () -> ledger.admit(usage("while-queued", 1, "gpt-4o")));
        AdmissionOutcome afterTopUp = ledger.admit(usage("after", 400_000, "gpt-4o"));

        assertEquals(AdmissionOutcome.ADMITTED, outcomes.get(0));
        assertEquals(RecordOutcome.RECORDED, outcomes.get(1));
        // The queued debit spends the whole stored balance, and the queued credit is not
        // stored yet, so nothing is left to admit.
        assertEquals(AdmissionOutcome.INSUFFICIENT_BALANCE, outcomes.get(2));
        assertEquals(AdmissionOutcome.ADMITTED, afterTopUp);
        assertEquals(100_000, ledger.balanceMicros(EMAIL));
    }

    @Test
    void invalidRowInBatch_failsAlone() throws Exception {
        open(EmulatorFixture.withCharacterLimit(100));
        List<Transaction> queued = new ArrayList<>(credits("ok-", 8));
        Transaction tooLong = usage("too-long", 7, "m".repeat(200));
        queued.add(4, tooLong);

        List<Object> outcomes = runBehindHeldAppend(() -> ledger.record(credit("first", 1)),
                queued);

        for (int i = 0; i < outcomes.size(); i++) {
            Object outcome = outcomes.get(i);
            if (i == 5) {
                InvalidInputException error = assertInstanceOf(InvalidInputException.class,
                        outcome);
                assertTrue(error.getMessage().contains("100 characters"), error.getMessage());
            } else {
                assertEquals(RecordOutcome.RECORDED, outcome, "call " + i);
            }
        }
        assertEquals(10, storedIds().size());
        assertTrue(!storedIds().contains("too-long"), "the invalid row is not stored");
        assertEquals(1_000_000 + 1 + 36, ledger.balanceMicros(EMAIL));
    }

    @Test
    void largeBatch_splitsUnderPayloadLimit() throws Exception {
        open(EmulatorFixture.withMaxRequestBytes((int) PayloadChunks.MAX_REQUEST_BYTES));
        List<Transaction> queued = new ArrayList<>();
        for (int i = 0; i < 79; i++) {
            queued.add(usage("big-" + i, 1, "x".repeat(40_000)));
        }

        List<Object> outcomes = runBehindHeldAppend(() -> ledger.record(credit("first", 1)),
                queued);

        for (Object outcome : outcomes) {
            assertEquals(RecordOutcome.RECORDED, outcome);
        }
        // About 3.2 MB of rows: two appends under 2 MB each, and none rejected for its size.
        assertEquals(List.of(200, 200, 503, 200, 200, 200), proxy.appendStatuses());
        assertEquals(81, new HashSet<>(storedIds()).size());
    }

    @Test
    void lostResponse_isNotResent() throws Exception {
        open(EmulatorFixture.withHighQuotas());
        List<Transaction> queued = credits("q-", 6);

        List<Object> outcomes = runBehindHeldAppend(() -> ledger.record(credit("first", 1)),
                queued, AppendFault.AFTER_FORWARDING);

        for (Object outcome : outcomes) {
            assertEquals(RecordOutcome.RECORDED, outcome);
        }
        List<String> ids = storedIds();
        assertEquals(8, ids.size());
        assertEquals(8, new HashSet<>(ids).size());
        assertEquals(List.of(200, 200, 503, 200, 503), proxy.appendStatuses());
        assertTrue(ledger.metrics().retries() >= 2, "retries " + ledger.metrics().retries());
        // The re-read after the lost response found the rows, so each counts once.
        assertEquals(1_000_000 + 1 + 21, ledger.balanceMicros(EMAIL));
    }

    @Test
    void rejectedBatch_isResentWhole() throws Exception {
        open(EmulatorFixture.withHighQuotas());
        List<Transaction> queued = credits("q-", 6);

        List<Object> outcomes = runBehindHeldAppend(() -> ledger.record(credit("first", 1)),
                queued, AppendFault.BEFORE_FORWARDING);

        for (Object outcome : outcomes) {
            assertEquals(RecordOutcome.RECORDED, outcome);
        }
        Set<String> ids = new HashSet<>(storedIds());
        assertEquals(8, storedIds().size());
        assertEquals(8, ids.size());
        assertEquals(List.of(200, 200, 503, 200, 503, 200), proxy.appendStatuses());
        assertEquals(1_000_000 + 1 + 21, ledger.balanceMicros(EMAIL));
    }
}
