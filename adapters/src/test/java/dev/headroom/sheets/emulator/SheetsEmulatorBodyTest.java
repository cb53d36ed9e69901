package dev.headroom.sheets.emulator;

import static dev.headroom.sheets.emulator.EmulatorClients.createWorkbook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request bodies sent as raw JSON, as a client other than Google's library would send them:
 * JSON nulls, numbers beyond a double's precision or range, and malformed payloads.
 */
class SheetsEmulatorBodyTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private SheetsEmulator emulator;
    private String id;

    @BeforeEach
    void start() throws IOException {
        emulator = SheetsEmulator.start(EmulatorConfig.defaults());
        id = createWorkbook(new EmulatorClients(emulator).client("body-test"), "body");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void jsonNullLeavesCellUnchanged() throws Exception {
        put("Sheet1!A1:C1", "{\"values\":[[\"a\",\"b\",\"c\"]]}");

        HttpResponse<String> written = put("Sheet1!A1:C1", "{\"values\":[[null,\"new\",\"\"]]}");

        assertEquals(200, written.statusCode(), written.body());
        assertEquals("[[\"a\",\"new\"]]", values(get("Sheet1!A1:C1", "FORMATTED_VALUE")));
    }

    @Test
    void numbersAreStoredAsDoubles() throws Exception {
        put("Sheet1!A1:D1", "{\"values\":[[12.50,-3.5E+2,12345678901234567890,0.000123]]}");

        String read = values(get("Sheet1!A1:D1", "UNFORMATTED_VALUE"));

        assertEquals("[[12.5,-350,12345678901234567000,0.000123]]", read);
    }

    @Test
    void numberBeyondDoubleIsRejected() throws Exception {
        HttpResponse<String> response = put("Sheet1!A1", "{\"values\":[[1e400]]}");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Invalid values[0][0]: 1E+400 is outside the range"
                + " of a double-precision number."), response.body());
    }

    @Test
    void objectCellNamesItsKind() throws Exception {
        HttpResponse<String> response = put("Sheet1!A1", "{\"values\":[[{\"a\":1}]]}");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Invalid values[0][0]: a cell value must be a string,"
                + " number or boolean, not an object."), response.body());
    }

    @Test
    void malformedBodiesGiveShortMessages() throws Exception {
        String[][] cases = {
            {"not json", "Invalid JSON payload received. Unexpected token at line 1 column 1."},
            {"[1,2]", "Invalid JSON payload received. Expected a JSON object at the top level."},
            {"{\"values\":\"nope\"}",
                "Invalid JSON payload received. Invalid value at 'values': wrong type"},
        };
        for (String[] example : cases) {
            HttpResponse<String> response = put("Sheet1!A1", example[0]);

            assertEquals(400, response.statusCode(), example[0]);
            assertTrue(response.body().contains(example[1]), response.body());
            assertFalse(response.body().contains("JsonReader"), response.body());
        }
    }

    @Test
    void trailingContentIsRejected() throws Exception {
        put("Sheet1!A1", "{\"values\":[[\"old\"]]}");

        HttpResponse<String> response = put("Sheet1!A1", "{\"values\":[[\"new\"]]} {}");

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("Invalid JSON payload received. Unexpected token at"
                + " line 1 column 23."), response.body());
        assertEquals("[[\"old\"]]", values(get("Sheet1!A1", "FORMATTED_VALUE")));
    }

    @Test
    void unknownFieldIsRejected() throws Exception {
        HttpResponse<String> response = put("Sheet1!A1", "{\"valuse\":[[\"a\"]]}");

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("Invalid JSON payload received. Unknown name"
                + " \\\"valuse\\\": Cannot find field."), response.body());
    }

    @Test
    void unknownNestedFieldNamesItsPath() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(
                emulator.rootUrl() + "v4/spreadsheets/" + id + ":batchUpdate")).POST(body(
                "{\"requests\":[{\"addSheet\":{\"properties\":{\"titel\":\"x\"}}}]}")));

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("Unknown name \\\"titel\\\" at"
                + " 'requests[0].add_sheet.properties': Cannot find field."), response.body());
    }

    @Test
    void batchRequestWithNoKindIsRejected() throws Exception {
        for (String request : new String[] {"{}", "{\"addSheet\":null}"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(
                    emulator.rootUrl() + "v4/spreadsheets/" + id + ":batchUpdate")).POST(body(
                    "{\"requests\":[" + request + "]}")));

            assertEquals(400, response.statusCode(), request + ": " + response.body());
            assertTrue(response.body().contains("Invalid requests[0]: No request set."),
                    request + ": " + response.body());
        }
        HttpResponse<String> workbook = send(HttpRequest.newBuilder(URI.create(
                emulator.rootUrl() + "v4/spreadsheets/" + id)).GET());
        assertFalse(workbook.body().contains("Sheet2"), workbook.body());
    }

    @Test
    void invalidMajorDimensionOfWriteIsRejected() throws Exception {
        HttpResponse<String> response = put("Sheet1!A1:B1",
                "{\"majorDimension\":\"SIDEWAYS\",\"values\":[[\"a\",\"b\"]]}");

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("Invalid value at 'majorDimension': \\\"SIDEWAYS\\\";"
                + " use ROWS or COLUMNS."), response.body());
    }

    /** A misspelt option fails as it does against Google, rather than being ignored. */
    @Test
    void unknownQueryParameterIsRejected() throws Exception {
        HttpResponse<String> misspelt = send(HttpRequest.newBuilder(
                uri("values/Sheet1!A1?valueRenderOptions=FORMULA")).GET());
        HttpResponse<String> system = send(HttpRequest.newBuilder(
                uri("values/Sheet1!A1?valueRenderOption=FORMULA&fields=values&prettyPrint=false"))
                .GET());

        assertEquals(400, misspelt.statusCode(), misspelt.body());
        assertTrue(misspelt.body().contains("Invalid JSON payload received. Unknown name"
                + " \\\"valueRenderOptions\\\": Cannot bind query parameter. Field"
                + " 'valueRenderOptions' could not be found in request message."),
                misspelt.body());
        assertEquals(200, system.statusCode(), system.body());
    }

    /** The parameters of an overridden GET arrive form-encoded in the body. */
    @Test
    void malformedEscapeInOverriddenGetIsInvalidArgument() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(emulator.rootUrl() + "v4/spreadsheets/" + id + "/values:batchGet"))
                .header("X-HTTP-Method-Override", "GET")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(body("ranges=Sheet1%21A1&ranges=%")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":\"INVALID_ARGUMENT\""),
                response.body());
        assertTrue(response.body().contains("Invalid request parameters: '%' is not valid form"
                + " encoding"), response.body());
    }

    @Test
    void headRequestGetsStatusWithoutBodyOrWarning() throws Exception {
        Logger serverLog = Logger.getLogger("com.sun.net.httpserver");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        serverLog.addHandler(recorder);
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(
                    emulator.rootUrl() + "v4/spreadsheets/" + id))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));

            assertEquals(404, response.statusCode());
            assertEquals("", response.body());
            assertEquals(List.of(), warnings);
        } finally {
            serverLog.removeHandler(recorder);
        }
    }

    @Test
    void appendTableRangeIsTableBeforeAppend() throws Exception {
        put("Sheet1!A1:C1", "{\"values\":[[\"a\",\"b\",\"c\"]]}");

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("values/Sheet1!A1:append"
                + "?valueInputOption=RAW")).POST(body("{\"values\":[[1,2,3,4,5,6]]}")));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"tableRange\":\"Sheet1!A1:C1\""), response.body());
        assertTrue(response.body().contains("\"updatedRange\":\"Sheet1!A2:F2\""),
                response.body());
    }

    private HttpResponse<String> put(String range, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri("values/" + range + "?valueInputOption=RAW"))
                .PUT(body(json)));
    }

    private HttpResponse<String> get(String range, String render) throws Exception {
        return send(HttpRequest.newBuilder(uri("values/" + range + "?valueRenderOption="
                + render)).GET());
    }

    /** Returns the {@code values} array of a read response, as the emulator wrote it. */
    private static String values(HttpResponse<String> read) {
        String body = read.body();
        int start = body.indexOf("\"values\":") + "\"values\":".length();
        return body.substring(start, body.lastIndexOf('}'));
    }

    private URI uri(String path) {
        return URI.create(emulator.rootUrl() + "v4/spreadsheets/" + id + "/" + path);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
