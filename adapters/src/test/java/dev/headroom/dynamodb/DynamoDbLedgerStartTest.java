package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.StoreUnavailableException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Checks that a {@link DynamoDbLedger} whose construction fails closes the SDK client it built,
 * whatever the failure, and throws the failure itself. The client talks to the shared dynalite
 * server through a wrapper that counts {@code close()} calls and can replace the table
 * description.
 */
class DynamoDbLedgerStartTest {

    @RegisterExtension
    static final DynaliteTable DYNALITE = new DynaliteTable();

    /** The behaviour of the wrapper's {@code describeTable} and {@code close}. */
    private enum Fault {
        NONE,
        CREATING_FOREVER,
        DESCRIBE_THROWS,
        DESCRIBE_AND_CLOSE_THROW
    }

    private final AtomicInteger closes = new AtomicInteger();
    private final IllegalStateException describeError =
            new IllegalStateException("describe failed in the test");

    /** Returns {@code real} behind a proxy that counts closes and applies {@code fault}. */
    private DynamoDbClient wrap(DynamoDbClient real, Fault fault) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("close")) {
                closes.incrementAndGet();
                method.invoke(real, args);
                if (fault == Fault.DESCRIBE_AND_CLOSE_THROW) {
                    throw new IllegalStateException("close failed in the test");
                }
                return null;
            }
            if (name.equals("describeTable") && fault == Fault.CREATING_FOREVER) {
                return DescribeTableResponse.builder()
                        .table(table -> table.tableStatus(TableStatus.CREATING)).build();
            }
            if (name.equals("describeTable") && fault != Fault.NONE) {
                throw describeError;
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    private DynamoDbLedger.Builder builder(Fault fault) {
        return DYNALITE.ledger(BalanceDesign.RUNNING_BALANCE, "start")
                .activeTimeout(Duration.ofMillis(300))
                .clientWrapper(real -> wrap(real, fault));
    }

    @Test
    void tableNeverActive_closesClient() {
        StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                () -> builder(Fault.CREATING_FOREVER).build());

        assertTrue(error.getMessage().contains("did not become ACTIVE"), error.getMessage());
        assertEquals(1, closes.get(), "client closes");
    }

    @Test
    void runtimeErrorInSetup_closesClientAndRethrows() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> builder(Fault.DESCRIBE_THROWS).build());

        assertSame(describeError, error);
        assertEquals(1, closes.get(), "client closes");
    }

    @Test
    void closeErrorAfterFailedSetup_isSuppressed() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> builder(Fault.DESCRIBE_AND_CLOSE_THROW).build());

        assertSame(describeError, error);
        assertEquals(1, error.getSuppressed().length, "suppressed errors");
        assertEquals("close failed in the test", error.getSuppressed()[0].getMessage());
        assertEquals(1, closes.get(), "client closes");
    }

    @Test
    void successfulStart_keepsClientOpenUntilClose() {
        DynamoDbLedger ledger = builder(Fault.NONE).build();
        assertEquals(0, closes.get(), "client closes before close()");

        ledger.close();

        assertEquals(1, closes.get(), "client closes after close()");
    }
}
