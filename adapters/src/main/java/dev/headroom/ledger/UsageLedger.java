package dev.headroom.ledger;

import dev.headroom.metrics.AdapterMetrics;
import java.time.Instant;
import java.util.List;

/**
 * A user's usage and credit ledger in one storage backend.
 *
 * <p>Every write is idempotent by {@link Transaction#transactionId()}: a transaction id that is
 * already stored changes nothing, even when the first write's response was lost and the caller
 * retried. When the store applied a write but its response was lost, the adapter's own retry
 * finds the row, and the call still returns {@link RecordOutcome#RECORDED} (or
 * {@link AdmissionOutcome#ADMITTED}): {@code DUPLICATE} means that an earlier call stored the
 * id. A call that throws may still have stored its row; the caller's retry then returns
 * {@code DUPLICATE}. Implementations are safe for use by many threads unless their Javadoc says
 * otherwise.
 *
 * <p>Every ledger keys rows by user and id, so two users' rows with the same id are two rows.
 * Give each request its own id, such as a random UUID. A retry resends the same
 * {@link Transaction}. NOTE: DynamoDB keys a log item by timestamp and id, so there a retry
 * stamped with a new timestamp is stored a second time.
 *
 * <p>Errors are the subclasses of {@link LedgerException}: {@link CapacityReachedException},
 * {@link ThrottledException}, {@link InvalidInputException} and
 * {@link StoreUnavailableException}.
 */
public interface UsageLedger extends AutoCloseable {

    /** Stores a transaction unless one with the same id is already stored. */
    RecordOutcome record(Transaction transaction);

    /** Returns the user's balance in micro-dollars: credits minus usage; zero for a new user. */
    long balanceMicros(String userEmail);

    /**
     * Lists the user's transactions with {@code from <= timestamp < to}, oldest first; ties keep
     * the order in which they were recorded.
     */
    List<Transaction> transactions(String userEmail, Instant from, Instant to);

    /** Returns how many distinct users have at least one stored transaction. */
    long countUsers();

    /**
     * Stores the usage transaction only if the user's balance covers its amount. Under
     * {@link AdmissionGuarantee#ATOMIC} the check and the write are one step in the store.
     *
     * @throws InvalidInputException if the transaction is not a usage transaction
     */
    AdmissionOutcome admit(Transaction usage);

    /** Returns what {@link #admit} promises under concurrency in this backend. */
    AdmissionGuarantee admissionGuarantee();

    /** Returns the counters of calls, bytes, throttles, retries and latency of this ledger. */
    AdapterMetrics metrics();

    /**
     * Releases the connections and clients that the ledger owns. Closing twice is safe. After
     * it, {@link #metrics()} and {@link #admissionGuarantee()} still work, and every other
     * call throws {@link IllegalStateException}.
     */
    @Override
    void close();
}
