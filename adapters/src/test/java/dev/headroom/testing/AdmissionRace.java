package dev.headroom.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.LedgerException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Concurrent admissions from two ledgers on one store, which stand for two proxy processes. The
 * requests alternate between the ledgers and start together on 16 threads.
 */
public final class AdmissionRace {

    private AdmissionRace() {
    }

    /**
     * Admits every request, the even ones through {@code first} and the odd ones through
     * {@code second}, and returns how many were admitted. Fails the test if the race outlasts
     * {@code timeout} or an admission ends in an error rather than an outcome.
     */
    public static int admitted(UsageLedger first, UsageLedger second, List<Transaction> requests,
            Duration timeout) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            UsageLedger ledger = i % 2 == 0 ? first : second;
            Transaction request = requests.get(i);
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return ledger.admit(request);
                } catch (LedgerException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS),
                "admissions finished within " + timeout);

        int admitted = 0;
        for (Future<Object> result : results) {
            Object outcome = result.get();
            assertTrue(outcome instanceof AdmissionOutcome, "unexpected " + outcome);
            if (outcome == AdmissionOutcome.ADMITTED) {
                admitted++;
            }
        }
        return admitted;
    }
}
