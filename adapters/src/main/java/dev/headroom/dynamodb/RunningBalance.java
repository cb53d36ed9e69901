package dev.headroom.dynamodb;

import dev.headroom.dynamodb.TableCalls.WriteResult;
import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link BalanceDesign#RUNNING_BALANCE}: a balance item per user, kept exactly equal to the sum
 * of the user's log items with conditional single-item writes only, because dynalite (and so
 * the tests) has no TransactWriteItems.
 *
 * <p>The balance item ({@code sk = B}) contains {@code balanceMicros}, a sequence {@code seq}
 * that counts the transactions applied to it, and at most one pending transaction: its log
 * item's sort key {@code pendingSk} and a full copy of the log item {@code pendingItem}.
 * Writing a transaction takes three calls after two strongly consistent reads:
 * <ol>
 *   <li>Read the balance item (sequence {@code n}, no pending transaction), then check that the
 *       log item does not exist yet; if it does, the transaction is a duplicate.
 *   <li>Commit: one UpdateItem adds the amount to the balance, sets {@code seq = n + 1} and
 *       stores the pending copy, on condition {@code seq = n} and no pending transaction (for
 *       an admission also {@code balanceMicros >= amount}). From here the transaction counts.
 *   <li>PutItem of the log item on condition {@code attribute_not_exists(sk)}.
 *   <li>UpdateItem that removes the pending copy on condition {@code pendingSk} is this item.
 * </ol>
 *
 * <p>Why the balance stays exact: the commit is the only step that changes the balance, it
 * happens at most once per transaction, and the pending copy makes the rest redoable.
 * <ul>
 *   <li>The condition {@code seq = n} makes the commit fail if anything changed the balance
 *       item after step 1. So a transaction whose log item appeared, or that another writer
 *       committed, after our reads cannot be applied a second time.
 *   <li>While a transaction is pending, no other commit can pass. Every writer that finds a
 *       pending copy first finishes it (steps 3 and 4, both idempotent) and starts again. A
 *       transaction therefore leaves the pending state only once its log item exists.
 *   <li>A process that dies after the commit leaves a pending copy; the next write, admission,
 *       listing or {@link #repair} for that user finishes it. A retried write of the same
 *       transaction finds either the pending copy or the log item, and reports a duplicate.
 *   <li>A commit whose response is lost is retried, and the retry's condition fails because
 *       the first attempt was applied. The next round then finds the pending copy or the log
 *       item; when it equals the item this call committed ({@code seq} and
 *       {@code recordedAt} included), the call reports the transaction as its own write.
 * </ul>
 * Hence the balance always equals the sum of the log items plus the pending transaction whose
 * log item is not written yet, and a balance read (one GetItem) is exact at every moment.
 *
 * <p>Writers of one user contend on the balance item. Inside one ledger they queue on a lock
 * of that user, because only one of them could commit at a time anyway. Writers of other users
 * never wait for it, so a write whose retries wait on a throttled partition delays only its
 * own user. Across processes the conditions decide: a writer that loses the race waits a short
 * random time and starts again, at most {@value #MAX_ROUNDS} times.
 */
final class RunningBalance implements BalanceStrategy {

    static final String BALANCE = "balanceMicros";
    static final String SEQUENCE = "seq";
    static final String PENDING_SORT_KEY = "pendingSk";
    static final String PENDING_ITEM = "pendingItem";

    private static final Logger LOG = LoggerFactory.getLogger(RunningBalance.class);
    private static final int MAX_ROUNDS = 1_000;
    private static final long MAX_CONFLICT_WAIT_MICROS = 2_000;

    private final TableCalls calls;
    private final LogReader reader;
    private final LedgerItems items;
    private final String table;
    private final Runnable afterCommit;
    /** The lock of each user with a write in progress, removed when its last writer leaves. */
    private final ConcurrentHashMap<String, UserLock> userLocks = new ConcurrentHashMap<>();

    /** A user's lock and the number of writers that hold it or wait for it. */
    private static final class UserLock {
        final ReentrantLock lock = new ReentrantLock();
        /** Changed only inside the map's atomic compute calls. */
        int writers;
    }

    /**
     * Creates the strategy; {@code afterCommit} runs between the commit and the log-item write,
     * so tests can stop a write there as a process crash would.
     */
    RunningBalance(TableCalls calls, LogReader reader, LedgerItems items, String table,
            Runnable afterCommit) {
        this.calls = calls;
        this.reader = reader;
        this.items = items;
        this.table = table;
        this.afterCommit = afterCommit;
    }

    @Override
    public RecordOutcome record(Transaction transaction) {
        AdmissionOutcome outcome = write(transaction, false);
        return outcome == AdmissionOutcome.ADMITTED
                ? RecordOutcome.RECORDED : RecordOutcome.DUPLICATE;
    }

    @Override
    public AdmissionOutcome admit(Transaction usage) {
        return write(usage, true);
    }

    @Override
    public long balanceMicros(String userEmail) {
        Map<String, AttributeValue> balance = readBalanceItem(userEmail);
        return balance == null ? 0 : LedgerItems.longValue(balance, BALANCE);
    }

    @Override
    public boolean repair(String userEmail) {
        Map<String, AttributeValue> balance = readBalanceItem(userEmail);
        if (balance == null || !balance.containsKey(PENDING_SORT_KEY)) {
            return false;
        }
        finishPending(userEmail, balance);
        return true;
    }

    @Override
    public AdmissionGuarantee guarantee() {
        return AdmissionGuarantee.ATOMIC;
    }

    private AdmissionOutcome write(Transaction transaction, boolean requireCover) {
        String email = transaction.userEmail();
        UserLock user = userLocks.compute(email, (key, existing) -> {
            UserLock joined = existing == null ? new UserLock() : existing;
            joined.writers++;
            return joined;
        });
        user.lock.lock();
        try {
            return writeLocked(transaction, requireCover);
        } finally {
            user.lock.unlock();
            userLocks.computeIfPresent(email, (key, held) -> --held.writers == 0 ? null : held);
        }
    }

    private AdmissionOutcome writeLocked(Transaction transaction, boolean requireCover) {
        String email = transaction.userEmail();
        String logSortKey = LedgerItems.logSortKey(transaction);
        // The log item of this call's commit whose response was lost, which may have applied.
        Map<String, AttributeValue> unsureCommit = null;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Map<String, AttributeValue> balance = readBalanceItem(email);
            if (balance != null && balance.containsKey(PENDING_SORT_KEY)) {
                String pending = balance.get(PENDING_SORT_KEY).s();
                finishPending(email, balance);
                if (pending.equals(logSortKey)) {
                    return outcomeOfStored(transaction, unsureCommit,
                            balance.get(PENDING_ITEM).m());
                }
                continue;
            }
            if (reader.exists(transaction)) {
                return outcomeOfStored(transaction, unsureCommit,
                        unsureCommit == null ? null : reader.item(transaction));
            }
            long current = balance == null ? 0 : LedgerItems.longValue(balance, BALANCE);
            if (requireCover && current < transaction.amountMicros()) {
                return AdmissionOutcome.INSUFFICIENT_BALANCE;
            }
            long sequence = balance == null ? 0 : LedgerItems.longValue(balance, SEQUENCE);
            Map<String, AttributeValue> logItem = items.logItem(transaction, sequence + 1);
            WriteResult committed =
                    commit(transaction, logItem, balance != null, sequence, requireCover);
            if (committed.applied()) {
                afterCommit.run();
                finishPending(email, logSortKey, logItem);
                return AdmissionOutcome.ADMITTED;
            }
            if (committed == WriteResult.CONDITION_FAILED_AFTER_LOST_RESPONSE) {
                unsureCommit = logItem;
            }
            if (round == 1 || round % 100 == 0) {
                LOG.info("The commit of {} for {} failed its condition in round {} of {};"
                        + " reading the balance item again", transaction.transactionId(), email,
                        round, MAX_ROUNDS);
            }
            waitAfterConflict(round);
        }
        throw new StoreUnavailableException("writing transaction " + transaction.transactionId()
                + " lost the race for the balance item of " + email + " " + MAX_ROUNDS
                + " times; lower the number of concurrent writers per user", null);
    }

    /**
     * Returns the outcome of a write that found its transaction stored: {@code ADMITTED} if the
     * stored log item is the one of this call's commit whose response was lost (equal in every
     * attribute, {@code seq} and {@code recordedAt} included), else {@code DUPLICATE}.
     */
    private static AdmissionOutcome outcomeOfStored(Transaction transaction,
            Map<String, AttributeValue> unsureCommit, Map<String, AttributeValue> stored) {
        if (unsureCommit != null && unsureCommit.equals(stored)) {
            LOG.info("The commit of {} for {} lost its response but was applied; it counts as"
                    + " written by this call", transaction.transactionId(),
                    transaction.userEmail());
            return AdmissionOutcome.ADMITTED;
        }
        return AdmissionOutcome.DUPLICATE;
    }

    private WriteResult commit(Transaction transaction, Map<String, AttributeValue> logItem,
            boolean balanceExists, long sequence, boolean requireCover) {
        Map<String, String> names = new HashMap<>();
        names.put("#balance", BALANCE);
        names.put("#seq", SEQUENCE);
        names.put("#pendingSk", PENDING_SORT_KEY);
        names.put("#pendingItem", PENDING_ITEM);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":delta", LedgerItems.number(transaction.balanceDeltaMicros()));
        values.put(":next", LedgerItems.number(sequence + 1));
        values.put(":sk", logItem.get(LedgerItems.SORT_KEY));
        values.put(":item", AttributeValue.fromM(logItem));
        String update;
        String condition;
        if (balanceExists) {
            update = "SET #balance = #balance + :delta, #seq = :next, #pendingSk = :sk,"
                    + " #pendingItem = :item";
            condition = "#seq = :current AND attribute_not_exists(#pendingSk)";
            values.put(":current", LedgerItems.number(sequence));
            if (requireCover) {
                condition += " AND #balance >= :amount";
                values.put(":amount", LedgerItems.number(transaction.amountMicros()));
            }
        } else {
            update = "SET #balance = :delta, #seq = :next, #pendingSk = :sk, #pendingItem = :item";
            condition = "attribute_not_exists(#seq)";
        }
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(table)
                .key(LedgerItems.key(transaction.userEmail(), LedgerItems.BALANCE_SORT_KEY))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
        return calls.update(transaction.transactionId(), request);
    }

    private void finishPending(String email, Map<String, AttributeValue> balance) {
        String pendingSortKey = balance.get(PENDING_SORT_KEY).s();
        LOG.info("Finishing pending transaction {} of {}", pendingSortKey, email);
        finishPending(email, pendingSortKey, balance.get(PENDING_ITEM).m());
    }

    private void finishPending(String email, String pendingSortKey,
            Map<String, AttributeValue> logItem) {
        PutItemRequest put = PutItemRequest.builder()
                .tableName(table)
                .item(logItem)
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", LedgerItems.SORT_KEY))
                .build();
        calls.put(pendingSortKey, put);
        UpdateItemRequest clear = UpdateItemRequest.builder()
                .tableName(table)
                .key(LedgerItems.key(email, LedgerItems.BALANCE_SORT_KEY))
                .updateExpression("REMOVE #pendingSk, #pendingItem")
                .conditionExpression("#pendingSk = :sk")
                .expressionAttributeNames(Map.of("#pendingSk", PENDING_SORT_KEY,
                        "#pendingItem", PENDING_ITEM))
                .expressionAttributeValues(Map.of(":sk", AttributeValue.fromS(pendingSortKey)))
                .build();
        calls.update(pendingSortKey, clear);
    }

    private Map<String, AttributeValue> readBalanceItem(String email) {
        GetItemRequest request = GetItemRequest.builder()
                .tableName(table)
                .key(LedgerItems.key(email, LedgerItems.BALANCE_SORT_KEY))
                .consistentRead(true)
                .build();
        var response = calls.get(email, request);
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    private static void waitAfterConflict(int round) {
        long capMicros = Math.min(MAX_CONFLICT_WAIT_MICROS, 50L << Math.min(round, 6));
        // Unseeded on purpose: writers in other processes that drew the same waits would
        // collide again on every round.
        long waitMicros = ThreadLocalRandom.current().nextLong(capMicros + 1);
        try {
            TimeUnit.MICROSECONDS.sleep(waitMicros);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to retry a write", e);
        }
    }
}
