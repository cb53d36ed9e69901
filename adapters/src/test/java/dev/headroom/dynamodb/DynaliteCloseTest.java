package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.retry.RetryPolicy;
import dev.headroom.testing.CloseRace;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Closing a ledger on dynalite while 16 threads record through it, each for its own user. */
class DynaliteCloseTest {

    @RegisterExtension
    static final DynaliteTable DYNALITE = new DynaliteTable();

    private static final int USERS = 16;

    private static DynamoDbLedger open(BalanceDesign design) {
        return DynaliteTables.ledger(DYNALITE.endpoint(), design, DYNALITE.table())
                .retryPolicy(RetryPolicy.builder()
                        .uniform(new SplittableRandom(19)::nextDouble)
                        .build())
                .build();
    }

    private static String email(int user) {
        return "user" + user + "@example.com";
    }

    @ParameterizedTest
    @EnumSource(BalanceDesign.class)
    void closeWithCallsInFlight_finishesThem(BalanceDesign design) throws Exception {
        DYNALITE.newTable("close-in-flight");
        Map<String, Object> outcomes = CloseRace.recordAndClose(open(design), 100,
                DynaliteCloseTest::email, false);

        Set<String> recorded = CloseRace.recordedOrClosed(outcomes,
                "the DynamoDB ledger is closed");
        try (DynamoDbLedger check = open(design)) {
            Set<String> stored = new HashSet<>();
            long balance = 0;
            for (int user = 0; user < USERS; user++) {
                check.transactions(email(user), Instant.MIN, Instant.MAX)
                        .forEach(row -> stored.add(row.transactionId()));
                balance += check.balanceMicros(email(user));
            }
            assertEquals(recorded, stored);
            assertEquals(recorded.size(), balance);
        }
    }
}
