package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A caller that waited for another caller's row of the same id, whose append failed. */
class LedgerTabTest {

    private static final Transaction ROW = Transaction.credit("t-1", "a@example.com",
            Instant.parse("2026-03-01T12:00:00Z"), 1_000_000);

    /** The rows in the remote tab; an append adds its rows even when it then fails. */
    private final List<Transaction> remote = new ArrayList<>();
    private final LedgerTab tab = new LedgerTab("a@example.com");
    private final CountDownLatch inFlight = new CountDownLatch(1);
    private int appends;

    @Test
    void record_waitedRowStoredDespiteFailure_duplicate() throws Exception {
        CompletableFuture<RecordOutcome> first = CompletableFuture.supplyAsync(
                () -> tab.record(ROW, this::load, new LostResponseWriter()));
        assertEquals(true, inFlight.await(30, TimeUnit.SECONDS));

        RecordOutcome second = tab.record(ROW, this::load, new LostResponseWriter());

        assertEquals(RecordOutcome.DUPLICATE, second);
        assertThrows(Exception.class, () -> first.get(30, TimeUnit.SECONDS));
        synchronized (remote) {
            assertEquals(1, remote.size(), remote::toString);
        }
    }

    /** Reads the remote tab when the cached rows are stale, as the ledgers' load steps do. */
    private void load() {
        if (tab.isFresh(0, 1)) {
            return;
        }
        tab.reset(0);
        synchronized (remote) {
            remote.forEach(tab::addStored);
        }
    }

    /**
     * Stores the rows of its first append but throws as a lost response does, once the second
     * caller waits for them; later appends succeed.
     */
    private final class LostResponseWriter implements LedgerTab.BatchWriter {

        @Override
        public long payloadBytes(Transaction row) {
            return 100;
        }

        @Override
        public void append(List<Transaction> rows) {
            synchronized (remote) {
                remote.addAll(rows);
                appends++;
                if (appends > 1) {
                    return;
                }
            }
            inFlight.countDown();
            awaitWaitingCaller();
            throw new StoreUnavailableException("response lost", null);
        }

        private void awaitWaitingCaller() {
            while (true) {
                tab.lock.lock();
                try {
                    if (tab.waitingCallers() > 0) {
                        return;
                    }
                } finally {
                    tab.lock.unlock();
                }
                Thread.onSpinWait();
            }
        }
    }
}
