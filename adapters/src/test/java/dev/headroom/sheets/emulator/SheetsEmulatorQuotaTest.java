package dev.headroom.sheets.emulator;

import static dev.headroom.sheets.emulator.EmulatorClients.createWorkbook;
import static dev.headroom.sheets.emulator.EmulatorClients.errorBody;
import static dev.headroom.sheets.emulator.EmulatorClients.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.json.GenericJson;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SheetsEmulatorQuotaTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private SheetsEmulator emulator;
    private EmulatorClients clients;

    @BeforeEach
    void start() throws IOException {
        emulator = SheetsEmulator.start(EmulatorConfig.defaults().withClock(clock::get));
        clients = new EmulatorClients(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void sixtyFirstWriteGets429UntilNextMinute() throws IOException {
        Sheets robot = clients.client("robot");
        String id = createWorkbook(robot, "quota");
        for (int call = 1; call < 60; call++) {
            appendRow(robot, id, call);
        }

        GoogleJsonResponseException error = failure(() -> appendRow(robot, id, 60));

        assertEquals(429, error.getStatusCode());
        assertEquals("RESOURCE_EXHAUSTED", error.getDetails().get("status"));
        assertEquals("Quota exceeded for quota metric 'Write requests' and limit 'Write requests"
                + " per minute per user' of service 'sheets.googleapis.com' for consumer"
                + " 'project_number:100000000000'.", error.getDetails().getMessage());
        assertEquals(1, emulator.throttledCalls());

        clock.addAndGet(60_000);
        appendRow(robot, id, 60);
        ValueRange rows = robot.spreadsheets().values().get(id, "Sheet1!A:A").execute();
        assertEquals(60, rows.getValues().size());
    }

    @Test
    void readQuotaBodyCarriesErrorInfo() throws IOException {
        Sheets robot = clients.client("reader");
        String id = createWorkbook(robot, "reads");
        for (int call = 0; call < 60; call++) {
            robot.spreadsheets().get(id).execute();
        }

        GoogleJsonResponseException error = failure(() -> robot.spreadsheets().get(id)
                .execute());

        GenericJson body = errorBody(error);
        List<?> details = (List<?>) body.get("details");
        Map<?, ?> info = (Map<?, ?>) details.get(0);
        Map<?, ?> metadata = (Map<?, ?>) info.get("metadata");
        assertEquals("type.googleapis.com/google.rpc.ErrorInfo", info.get("@type"));
        assertEquals("RATE_LIMIT_EXCEEDED", info.get("reason"));
        assertEquals("googleapis.com", info.get("domain"));
        assertEquals("ReadRequestsPerMinutePerUser", metadata.get("quota_limit"));
        assertEquals("sheets.googleapis.com/read_requests", metadata.get("quota_metric"));
        assertEquals("60", metadata.get("quota_limit_value"));
        assertEquals("projects/100000000000", metadata.get("consumer"));
        assertEquals("type.googleapis.com/google.rpc.Help",
                ((Map<?, ?>) details.get(1)).get("@type"));
    }

    @Test
    void identitiesHaveSeparateUserQuotas() throws IOException {
        Sheets alice = clients.client("alice-token");
        Sheets bob = clients.client("bob-token");
        String id = createWorkbook(alice, "shared");
        for (int call = 1; call < 60; call++) {
            appendRow(alice, id, call);
        }
        failure(() -> appendRow(alice, id, 60));

        appendRow(bob, id, 100);

        assertEquals(1, emulator.throttledCalls());
    }

    @Test
    void callsWithoutTokenShareOneIdentity() throws IOException {
        Sheets first = clients.client(null);
        Sheets second = clients.client(null);
        String id = createWorkbook(first, "anonymous");
        for (int call = 1; call < 60; call++) {
            appendRow(call % 2 == 0 ? first : second, id, call);
        }

        GoogleJsonResponseException error = failure(() -> appendRow(second, id, 60));

        assertEquals(429, error.getStatusCode());
    }

    @Test
    void projectQuotaBindsAcrossIdentities() throws IOException {
        String id = createWorkbook(clients.client("creator"), "project");
        for (int user = 0; user < 5; user++) {
            Sheets client = clients.client("user-" + user);
            int calls = user == 0 ? 59 : 60;
            for (int call = 0; call < calls; call++) {
                appendRow(client, id, call);
            }
        }

        GoogleJsonResponseException error = failure(
                () -> appendRow(clients.client("user-5"), id, 0));

        assertEquals(429, error.getStatusCode());
        assertEquals("Quota exceeded for quota metric 'Write requests' and limit 'Write requests"
                + " per minute' of service 'sheets.googleapis.com' for consumer"
                + " 'project_number:100000000000'.", error.getDetails().getMessage());
    }

    private static void appendRow(Sheets sheets, String id, int value) throws IOException {
        sheets.spreadsheets().values().append(id, "Sheet1!A:A",
                new ValueRange().setValues(List.of(List.of(value))))
                .setValueInputOption("RAW").execute();
    }
}
