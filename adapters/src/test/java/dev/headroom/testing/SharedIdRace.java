package dev.headroom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.ledger.UsageLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Credits and admissions of one user sent at once through two ledgers on one store, as two
 * proxy processes would send them, with every request sent through both. Each transaction id
 * must be stored at most once, and at most one of its two calls may report it stored.
 */
public final class SharedIdRace {

    private static final int THREADS = 16;

    private SharedIdRace() {
    }

    /**
     * Builds {@code count} requests for {@code email}: every third one a credit of 1 to 50 cents,
     * the others admissions of 1 to 40 cents, drawn from {@code seed}. The user starts with no
     * credit, so admissions race the credits that arrive meanwhile.
     */
    public static List<Transaction> requests(String email, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant start = Instant.parse("2026-03-01T12:00:00Z");
        List<Transaction> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = start.plusMillis(i);
            if (i % 3 == 0) {
                long cents = random.nextLong(1, 51);
                requests.add(Transaction.credit("c-" + i, email, at, cents * 10_000));
            } else {
                long cents = random.nextLong(1, 41);
                requests.add(new Transaction("u-" + i, email, at, TransactionKind.USAGE,
                        "gpt-4o-mini", 100, 200, cents * 10_000, 40));
            }
        }
        return requests;
    }

    /**
     * Sends every request through both ledgers at once on 16 threads and checks each pair of
     * outcomes. Returns the requests that were stored, by transaction id. Fails the test if the
     * race outlasts {@code timeout} or a call throws.
     */
    public static Map<String, Transaction> run(UsageLedger first, UsageLedger second,
            List<Transaction> requests, Duration timeout) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> firstResults = new ArrayList<>();
        List<Future<Object>> secondResults = new ArrayList<>();
        for (Transaction request : requests) {
            firstResults.add(pool.submit(() -> send(first, request, start)));
            secondResults.add(pool.submit(() -> send(second, request, start)));
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS),
                "the race finished within " + timeout);

        Map<String, Transaction> stored = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Transaction request = requests.get(i);
            List<Object> pair = List.of(firstResults.get(i).get(), secondResults.get(i).get());
            if (storedOnce(pair, request)) {
                stored.put(request.transactionId(), request);
            }
        }
        return stored;
    }

    private static Object send(UsageLedger ledger, Transaction request, CountDownLatch start)
            throws InterruptedException {
        start.await();
        if (request.kind() == TransactionKind.CREDIT) {
            return ledger.record(request);
        }
        return ledger.admit(request);
    }

    /**
     * Checks one id's pair of outcomes and returns whether the id was stored. One admission may
     * be rejected while the other is stored, since a credit can land between the two checks.
     */
    private static boolean storedOnce(List<Object> pair, Transaction request) {
        String id = request.transactionId();
        long storing = pair.stream().filter(outcome -> outcome == RecordOutcome.RECORDED
                || outcome == AdmissionOutcome.ADMITTED).count();
        long duplicates = pair.stream().filter(outcome -> outcome == RecordOutcome.DUPLICATE
                || outcome == AdmissionOutcome.DUPLICATE).count();
        long rejected = pair.stream()
                .filter(outcome -> outcome == AdmissionOutcome.INSUFFICIENT_BALANCE).count();
        assertEquals(2, storing + duplicates + rejected, id + ": unexpected outcome: " + pair);
        if (storing == 0) {
            assertEquals(2, rejected, id + ": a call found the id stored, but no call stored it: "
                    + pair);
            return false;
        }
        assertEquals(1, storing, id + ": calls that report the id stored: " + pair);
        return true;
    }

    /**
     * Runs {@link #run} and then {@link #assertStoreMatches}, and returns the stored requests.
     */
    public static Map<String, Transaction> runAndCheck(UsageLedger first, UsageLedger second,
            String email, List<Transaction> requests, Duration timeout) throws Exception {
        Map<String, Transaction> stored = run(first, second, requests, timeout);
        assertStoreMatches(first, second, email, stored);
        return stored;
    }

    /**
     * Checks that the store contains exactly the stored requests of {@code email}, and that
     * both ledgers return their sum as the balance. Under {@link AdmissionGuarantee#ATOMIC} the
     * balance must not be below zero.
     */
    public static void assertStoreMatches(UsageLedger first, UsageLedger second, String email,
            Map<String, Transaction> stored) {
        List<Transaction> rows = first.transactions(email, Instant.MIN, Instant.MAX);
        Set<String> rowIds = new HashSet<>();
        rows.forEach(row -> rowIds.add(row.transactionId()));
        assertEquals(stored.keySet(), rowIds);
        assertEquals(stored.size(), rows.size());

        long expected = 0;
        for (Transaction transaction : stored.values()) {
            expected += transaction.balanceDeltaMicros();
        }
        assertEquals(expected, first.balanceMicros(email));
        assertEquals(expected, second.balanceMicros(email));
        if (first.admissionGuarantee() == AdmissionGuarantee.ATOMIC) {
            assertTrue(expected >= 0, "balance " + expected + " went below zero");
        }
    }
}
