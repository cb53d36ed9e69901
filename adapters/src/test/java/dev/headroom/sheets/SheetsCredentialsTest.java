package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.sun.net.httpserver.HttpServer;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.retry.FailureKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Service-account credentials whose access token cannot be obtained. A loopback server replaces
 * Google's token endpoint and responds to token requests with one fixed status, or grants a
 * token once a set number of requests have failed. The google-auth library (1.58.0) marks a
 * rejected grant (HTTP 400) as not retryable. It marks HTTP 500 and 503 as retryable but 502 and
 * 504 as not, and the ledger must retry every server error.
 */
class SheetsCredentialsTest {

    private static final String ANN = "ann@example.com";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String INVALID_GRANT =
            "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}";

    private EmulatorFixture sheets;
    private HttpServer tokenServer;
    private static final String ACCESS_TOKEN =
            "{\"access_token\":\"token-1\",\"expires_in\":3600,\"token_type\":\"Bearer\"}";

    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile int tokenStatus = 400;
    /** Number of token requests that get {@link #tokenStatus}. Later ones get a token. */
    private volatile int failingTokenRequests = Integer.MAX_VALUE;

    @BeforeEach
    void start() throws IOException {
        sheets = EmulatorFixture.withHighQuotas();
        tokenServer = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tokenServer.createContext("/token", exchange -> {
            boolean failing = tokenRequests.incrementAndGet() <= failingTokenRequests;
            exchange.getRequestBody().readAllBytes();
            byte[] body = (failing ? INVALID_GRANT : ACCESS_TOKEN)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(failing ? tokenStatus : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        tokenServer.start();
    }

    @AfterEach
    void stop() {
        tokenServer.stop(0);
        sheets.close();
    }

    /** Returns credentials with a key made from a fixed seed and the loopback token endpoint. */
    private ServiceAccountCredentials credentials() throws NoSuchAlgorithmException {
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(42L);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, seeded);
        PrivateKey key = generator.generateKeyPair().getPrivate();
        URI tokenUri = URI.create("http://127.0.0.1:" + tokenServer.getAddress().getPort()
                + "/token");
        return ServiceAccountCredentials.newBuilder()
                .setClientEmail("ledger@example-project.iam.gserviceaccount.com")
                .setPrivateKey(key)
                .setPrivateKeyId("test-key")
                .setTokenServerUri(tokenUri)
                .setScopes(List.of("https://www.googleapis.com/auth/spreadsheets"))
                .build();
    }

    /** Returns a connection to the emulator that authenticates with {@link #credentials()}. */
    private SheetsConnection connection() throws NoSuchAlgorithmException {
        Sheets client = new Sheets.Builder(new NetHttpTransport(),
                GsonFactory.getDefaultInstance(), new HttpCredentialsAdapter(credentials()))
                .setRootUrl(sheets.rootUrl())
                .setApplicationName("headroom-test")
                .build();
        return new SheetsConnection(client, new PayloadMeter(), "Sheets emulator with a key");
    }

    private IOException tokenFailure() throws NoSuchAlgorithmException {
        return assertThrows(IOException.class, () -> credentials().refresh());
    }

    @Test
    void rejectedGrant_isPermanent() throws Exception {
        tokenStatus = 400;

        assertEquals(FailureKind.PERMANENT, GoogleErrors.INSTANCE.classify(tokenFailure()));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void tokenServerError_isTransient(int status) throws Exception {
        tokenStatus = status;

        assertEquals(FailureKind.TRANSIENT, GoogleErrors.INSTANCE.classify(tokenFailure()));
    }

    @Test
    void rejectedGrant_failsRecordWithoutRetries() throws Exception {
        String spreadsheetId = sheets.newWorkbook();
        TabPerUserLedger ledger = TabPerUserLedger.singleWorkbook(connection(), spreadsheetId,
                sheets.settings());

        StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                () -> ledger.record(Transaction.credit("c-1", ANN, T0, 500)));

        assertTrue(error.getMessage().contains("invalid_grant"), error.getMessage());
        assertEquals(0, ledger.metrics().retries(), "retries");
        assertEquals(1, tokenRequests.get(), "token requests");
        ledger.close();
    }

    @Test
    void tokenBadGateway_retriedUntilRecordStored() throws Exception {
        tokenStatus = 502;
        failingTokenRequests = 1;
        String spreadsheetId = sheets.newWorkbook();
        TabPerUserLedger ledger = TabPerUserLedger.singleWorkbook(connection(), spreadsheetId,
                sheets.settings());

        RecordOutcome outcome = ledger.record(Transaction.credit("c-1", ANN, T0, 500));

        assertEquals(RecordOutcome.RECORDED, outcome);
        assertEquals(1, ledger.metrics().retries(), "retries");
        assertEquals(2, tokenRequests.get(), "token requests");
        assertEquals(500, ledger.balanceMicros(ANN));
        ledger.close();
    }
}
