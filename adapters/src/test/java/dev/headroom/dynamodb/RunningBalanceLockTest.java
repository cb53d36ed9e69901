package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The running-balance ledger serializes the writes of one user inside one ledger. A write that
 * is slow, as when DynamoDB throttles its user's partition and the retries wait, must not hold
 * up the writes of other users. The after-commit hook stalls one write to show that.
 */
class RunningBalanceLockTest {

    @RegisterExtension
    static final DynaliteTable DYNALITE = new DynaliteTable();

    private static final String ANN = "ann@example.com";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    /**
     * Size of a lock array indexed by the email's hash code. Users that share a slot of such an
     * array would wait for each other, so the test writes for two of them.
     */
    private static final int STRIPES = 64;

    private final AtomicBoolean stallNextCommit = new AtomicBoolean();
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private DynamoDbLedger ledger;
    private ExecutorService writers;

    @BeforeEach
    void openLedger() {
        ledger = DynaliteTables.ledger(DYNALITE.endpoint(), BalanceDesign.RUNNING_BALANCE,
                        DYNALITE.newTable("locks"))
                .afterCommit(() -> {
                    if (stallNextCommit.getAndSet(false)) {
                        stalled.countDown();
                        awaitRelease();
                    }
                })
                .build();
        writers = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void closeLedger() {
        release.countDown();
        writers.shutdownNow();
        ledger.close();
    }

    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns an email whose hash code falls in the same lock stripe as {@code email}. */
    private static String sameStripeAs(String email) {
        int stripe = Math.floorMod(email.hashCode(), STRIPES);
        for (int i = 0; ; i++) {
            String candidate = "user-" + i + "@example.com";
            if (Math.floorMod(candidate.hashCode(), STRIPES) == stripe) {
                return candidate;
            }
        }
    }

    @Test
    void stalledWrite_doesNotBlockOtherUsers() throws Exception {
        String bob = sameStripeAs(ANN);
        stallNextCommit.set(true);
        Future<RecordOutcome> annWrite =
                writers.submit(() -> ledger.record(Transaction.credit("c-1", ANN, T0, 500)));
        assertTrue(stalled.await(30, TimeUnit.SECONDS), "Ann's write reached its commit");

        Future<RecordOutcome> bobWrite =
                writers.submit(() -> ledger.record(Transaction.credit("c-2", bob, T0, 700)));
        RecordOutcome bobOutcome;
        try {
            bobOutcome = bobWrite.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Bob's write waited for Ann's stalled write", e);
        }

        assertEquals(RecordOutcome.RECORDED, bobOutcome);
        assertEquals(700, ledger.balanceMicros(bob));
        release.countDown();
        assertEquals(RecordOutcome.RECORDED, annWrite.get(30, TimeUnit.SECONDS));
        assertEquals(500, ledger.balanceMicros(ANN));
    }
}
