package dev.headroom.sheets.emulator;

import static dev.headroom.sheets.emulator.EmulatorClients.createWorkbook;
import static dev.headroom.sheets.emulator.EmulatorClients.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.UpdateSheetPropertiesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SheetsEmulatorLimitsTest {

    private static final String CELL_LIMIT_TEXT = "This action would increase the number of cells"
            + " in the workbook above the limit of 10000000 cells.";

    private SheetsEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void addSheetStopsAtCellLimit() throws IOException {
        Sheets sheets = start(EmulatorConfig.defaults());
        String id = createWorkbook(sheets, "full");
        // Sheet1 has 26,000 cells; a 9,974,000-cell tab fills the 10,000,000 exactly.
        addSheet(sheets, id, "big", new GridProperties().setRowCount(383_615)
                .setColumnCount(26));
        addSheet(sheets, id, "last", new GridProperties().setRowCount(1).setColumnCount(10));

        GoogleJsonResponseException error = failure(() -> addSheet(sheets, id, "one-more",
                new GridProperties().setRowCount(1).setColumnCount(1)));

        assertEquals(400, error.getStatusCode());
        assertEquals("INVALID_ARGUMENT", error.getDetails().get("status"));
        assertEquals("Invalid requests[0].addSheet: " + CELL_LIMIT_TEXT,
                error.getDetails().getMessage());
    }

    @Test
    void defaultTabCountsAgainstLimit() throws IOException {
        Sheets sheets = start(EmulatorConfig.defaults().withCellLimit(52_000));
        String id = createWorkbook(sheets, "two-tabs");
        addSheet(sheets, id, "second", null);

        GoogleJsonResponseException error = failure(() -> addSheet(sheets, id, "third", null));

        assertEquals("Invalid requests[0].addSheet: This action would increase the number of"
                + " cells in the workbook above the limit of 52000 cells.",
                error.getDetails().getMessage());
    }

    @Test
    void appendGrowsGridUntilCellLimit() throws IOException {
        Sheets sheets = start(EmulatorConfig.defaults().withCellLimit(26_000 + 2 * 26));
        String id = createWorkbook(sheets, "grow");
        ValueRange block = new ValueRange().setValues(rows(1_000));
        append(sheets, id, block);
        append(sheets, id, new ValueRange().setValues(rows(2)));

        GoogleJsonResponseException error = failure(
                () -> append(sheets, id, new ValueRange().setValues(rows(1))));

        assertEquals(400, error.getStatusCode());
        assertEquals(CELL_LIMIT_TEXT.replace("10000000", "26052"),
                error.getDetails().getMessage());
        int rowCount = sheets.spreadsheets().get(id).execute().getSheets().get(0)
                .getProperties().getGridProperties().getRowCount();
        assertEquals(1_002, rowCount);
    }

    @Test
    void updatePastGridFails() throws IOException {
        Sheets sheets = start(EmulatorConfig.defaults());
        String id = createWorkbook(sheets, "edge");
        update(sheets, id, "Sheet1!A1000", List.of(List.of("last row")));

        GoogleJsonResponseException error = failure(
                () -> update(sheets, id, "Sheet1!A1001", List.of(List.of("past"))));

        assertEquals(400, error.getStatusCode());
        assertEquals("Range (Sheet1!A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
                error.getDetails().getMessage());
    }

    @Test
    void lastRowOfOneColumnTabAtCellLimitIsAddressable() throws IOException {
        Sheets sheets = start(EmulatorConfig.defaults());
        String id = createWorkbook(sheets, "one-column");
        // Columns first: 10,000,000 rows of the default 26 columns would pass the cell limit.
        resize(sheets, id, 1_000, 1);
        resize(sheets, id, 10_000_000, 1);

        update(sheets, id, "Sheet1!A10000000", List.of(List.of("last row")));

        assertEquals(List.of(List.of("last row")), sheets.spreadsheets().values()
                .get(id, "Sheet1!A10000000").execute().getValues());
        GoogleJsonResponseException error = failure(
                () -> update(sheets, id, "Sheet1!A10000001", List.of(List.of("past"))));
        assertEquals("Range (Sheet1!A10000001) exceeds grid limits. Max rows: 10000000,"
                + " max columns: 1", error.getDetails().getMessage());
    }

    @Test
    void resizeAppliesRowsBeforeColumns() throws IOException {
        Sheets sheets = start(EmulatorConfig.defaults().withCellLimit(40_000));
        String id = createWorkbook(sheets, "resize");

        // 1,000 x 26 to 2,000 x 10 ends at 20,000 cells, but 2,000 x 26 = 52,000 comes first.
        GoogleJsonResponseException error = failure(() -> resize(sheets, id, 2_000, 10));

        assertEquals("Invalid requests[0].updateSheetProperties: This action would increase the"
                + " number of cells in the workbook above the limit of 40000 cells.",
                error.getDetails().getMessage());
        resize(sheets, id, 1_500, 10);
        GridProperties grid = sheets.spreadsheets().get(id).execute().getSheets().get(0)
                .getProperties().getGridProperties();
        assertEquals(1_500, grid.getRowCount());
        assertEquals(10, grid.getColumnCount());
    }

    @Test
    void cellCharacterLimitIsEnforced() throws IOException {
        Sheets sheets = start(EmulatorConfig.defaults());
        String id = createWorkbook(sheets, "text");
        update(sheets, id, "Sheet1!A1", List.of(List.of("x".repeat(50_000))));

        GoogleJsonResponseException error = failure(() -> update(sheets, id, "Sheet1!A2",
                List.of(List.of("x".repeat(50_001)))));

        assertEquals(400, error.getStatusCode());
        assertEquals("Your input contains more than the maximum of 50000 characters in a single"
                + " cell.", error.getDetails().getMessage());
    }

    @Test
    void payloadLimitAppliesToDecodedGzipBody() throws Exception {
        start(EmulatorConfig.defaults().withMaxRequestBytes(1_000));
        String fits = "{\"properties\": {\"title\": \"" + "t".repeat(900) + "\"}}";
        String tooLarge = "{\"properties\": {\"title\": \"" + "t".repeat(1_000) + "\"}}";

        HttpResponse<String> accepted = postGzip("v4/spreadsheets", fits);
        HttpResponse<String> rejected = postGzip("v4/spreadsheets", tooLarge);

        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(400, rejected.statusCode());
        assertEquals(true, rejected.body().contains(
                "\"message\":\"Request payload size exceeds the limit: 1000 bytes.\""),
                rejected.body());
    }

    @Test
    void truncatedJsonGivesInvalidArgument() throws Exception {
        Sheets sheets = start(EmulatorConfig.defaults());
        String id = createWorkbook(sheets, "truncated");
        String body = "{\"requests\":[{\"addSheet\":{\"properties\":{\"title\":\"x\"}}}]}";

        for (int length = 1; length < body.length(); length++) {
            String prefix = body.substring(0, length);
            HttpResponse<String> response = post("v4/spreadsheets/" + id + ":batchUpdate",
                    prefix, HttpRequest.BodyPublishers::ofString);

            assertEquals(400, response.statusCode(), prefix + " -> " + response.body());
            assertEquals(true, response.body().contains("\"status\":\"INVALID_ARGUMENT\""),
                    response.body());
            assertEquals(true, response.body().contains("Invalid JSON payload received."),
                    prefix + " -> " + response.body());
        }
        assertEquals(1, sheets.spreadsheets().get(id).execute().getSheets().size());
    }

    @Test
    void bodyThatIsNotGzipGivesInvalidArgument() throws Exception {
        Sheets sheets = start(EmulatorConfig.defaults());

        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.rootUrl()
                        + "v4/spreadsheets"))
                .header("Content-Encoding", "gzip")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"properties\": {}}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(true, response.body().contains("\"status\":\"INVALID_ARGUMENT\""),
                response.body());
        assertEquals(true, createWorkbook(sheets, "still-serving").length() > 0);
    }

    private Sheets start(EmulatorConfig config) throws IOException {
        emulator = SheetsEmulator.start(config);
        return new EmulatorClients(emulator).client("limits-test");
    }

    private HttpResponse<String> post(String path, String body,
            java.util.function.Function<String, HttpRequest.BodyPublisher> publisher)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.rootUrl() + path))
                .header("Content-Type", "application/json")
                .POST(publisher.apply(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postGzip(String path, String json) throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.rootUrl() + path))
                .header("Content-Encoding", "gzip")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<List<Object>> rows(int count) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(List.of("row " + i));
        }
        return rows;
    }

    private static void addSheet(Sheets sheets, String id, String title, GridProperties grid)
            throws IOException {
        sheets.spreadsheets().batchUpdate(id, new BatchUpdateSpreadsheetRequest().setRequests(
                List.of(new Request().setAddSheet(new AddSheetRequest().setProperties(
                        new SheetProperties().setTitle(title).setGridProperties(grid))))))
                .execute();
    }

    private static void append(Sheets sheets, String id, ValueRange values) throws IOException {
        sheets.spreadsheets().values().append(id, "Sheet1!A:A", values)
                .setValueInputOption("RAW").execute();
    }

    private static void update(Sheets sheets, String id, String range, List<List<Object>> rows)
            throws IOException {
        sheets.spreadsheets().values().update(id, range, new ValueRange().setValues(rows))
                .setValueInputOption("RAW").execute();
    }

    private static void resize(Sheets sheets, String id, int rows, int columns)
            throws IOException {
        sheets.spreadsheets().batchUpdate(id, new BatchUpdateSpreadsheetRequest().setRequests(
                List.of(new Request().setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                        .setProperties(new SheetProperties().setSheetId(0).setGridProperties(
                                new GridProperties().setRowCount(rows).setColumnCount(columns)))
                        .setFields("gridProperties(rowCount,columnCount)")))))
                .execute();
    }
}
