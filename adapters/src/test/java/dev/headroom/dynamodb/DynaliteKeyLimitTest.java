package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.retry.RetryPolicy;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys over DynamoDB's limits: 2,048 bytes for the partition key (the email) and 1,024 bytes for
 * the sort key. The log sort key adds 33 bytes to the id, so an id of 991 ASCII characters is
 * the longest that fits. NOTE: dynalite 4.0.0 measures a key in UTF-16 code units where DynamoDB
 * counts UTF-8 bytes, so these tests use ASCII keys only.
 */
class DynaliteKeyLimitTest {

    @RegisterExtension
    static final DynaliteTable DYNALITE = new DynaliteTable();

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANN = "ann@example.com";

    private static Transaction usage(String id) {
        return new Transaction(id, ANN, T0.plusSeconds(1), TransactionKind.USAGE, "gpt-4o-mini",
                10, 20, 1_000, 5);
    }

    @ParameterizedTest
    @EnumSource(BalanceDesign.class)
    void idOverSortKeyLimit_isInvalidAndStoresNothing(BalanceDesign design) {
        try (DynamoDbLedger ledger = DYNALITE.ledger(design, "key-limit")
                .retryPolicy(RetryPolicy.builder().sleeper(delay -> { }).uniform(() -> 0.5)
                        .build())
                .build()) {
            ledger.record(Transaction.credit("c-1", ANN, T0, 5_000));
            String longest = "x".repeat(991);

            assertEquals(RecordOutcome.RECORDED, ledger.record(usage(longest)));
            InvalidInputException record = assertThrows(InvalidInputException.class,
                    () -> ledger.record(usage(longest + "yy")));
            assertTrue(record.getMessage().contains("1024 bytes"), record.getMessage());
            assertThrows(InvalidInputException.class, () -> ledger.admit(usage(longest + "y")));
            String longEmail = "a".repeat(2_037) + "@example.com";
            assertThrows(InvalidInputException.class,
                    () -> ledger.record(Transaction.credit("c-2", longEmail, T0, 5_000)));

            assertEquals(4_000, ledger.balanceMicros(ANN));
            assertEquals(2, ledger.transactions(ANN, Instant.MIN, Instant.MAX).size());
            assertEquals(AdmissionOutcome.ADMITTED, ledger.admit(usage("u-after")));
            assertEquals(3_000, ledger.balanceMicros(ANN));
            assertEquals(1, ledger.countUsers());
        }
    }
}
