package dev.headroom.dynamodb;

import dev.headroom.retry.RetryPolicy;
import dev.headroom.testing.SharedIdRace;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two ledgers on one dynalite table, as two proxy processes would open them. */
class DynaliteTwoLedgersTest {

    @RegisterExtension
    static final DynaliteTable DYNALITE = new DynaliteTable();

    private static final String ANN = "ann@example.com";

    private static DynamoDbLedger open(BalanceDesign design, long seed) {
        RetryPolicy retry = RetryPolicy.builder()
                .uniform(new SplittableRandom(seed)::nextDouble)
                .build();
        return DynaliteTables.ledger(DYNALITE.endpoint(), design, DYNALITE.table())
                .retryPolicy(retry)
                .build();
    }

    @ParameterizedTest
    @EnumSource(BalanceDesign.class)
    void sameIdsThroughBoth_storeEachOnce(BalanceDesign design) throws Exception {
        DYNALITE.newTable("two-ledgers");
        try (DynamoDbLedger first = open(design, 1); DynamoDbLedger second = open(design, 2)) {
            SharedIdRace.runAndCheck(first, second, ANN, SharedIdRace.requests(ANN, 120, 43),
                    Duration.ofMinutes(5));
        }
    }
}
