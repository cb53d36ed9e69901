package dev.headroom.sheets.emulator;

import static dev.headroom.sheets.emulator.EmulatorClients.createWorkbook;
import static dev.headroom.sheets.emulator.EmulatorClients.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetResponse;
import com.google.api.services.sheets.v4.model.DeleteSheetRequest;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.UpdateSheetPropertiesRequest;
import com.google.api.services.sheets.v4.model.UpdateValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SheetsEmulatorCallsTest {

    private SheetsEmulator emulator;
    private Sheets sheets;
    private String id;

    @BeforeEach
    void start() throws IOException {
        emulator = SheetsEmulator.start(EmulatorConfig.defaults());
        sheets = new EmulatorClients(emulator).client("calls-test");
        id = createWorkbook(sheets, "ledger");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void createdWorkbookHasDefaultTab() throws IOException {
        Spreadsheet workbook = sheets.spreadsheets().get(id).execute();

        assertEquals("ledger", workbook.getProperties().getTitle());
        assertEquals(1, workbook.getSheets().size());
        SheetProperties first = workbook.getSheets().get(0).getProperties();
        assertEquals("Sheet1", first.getTitle());
        assertEquals(0, first.getSheetId());
        assertEquals(1_000, first.getGridProperties().getRowCount());
        assertEquals(26, first.getGridProperties().getColumnCount());
        assertEquals("127.0.0.1", emulator.address().getAddress().getHostAddress());
    }

    @Test
    void addSheetReturnsItsProperties() throws IOException {
        BatchUpdateSpreadsheetResponse response = batch(new Request().setAddSheet(
                new AddSheetRequest().setProperties(new SheetProperties()
                        .setTitle("o'brien+test@example.com"))));

        SheetProperties added = response.getReplies().get(0).getAddSheet().getProperties();
        assertEquals("o'brien+test@example.com", added.getTitle());
        assertEquals(1, added.getIndex());
        assertEquals(1_000, added.getGridProperties().getRowCount());
        assertEquals(2, sheets.spreadsheets().get(id).execute().getSheets().size());
    }

    @Test
    void duplicateTitleIsRejected() throws IOException {
        batch(addSheet("alice@example.com"));

        GoogleJsonResponseException error = failure(() -> batch(addSheet("ALICE@example.com")));

        assertEquals(400, error.getStatusCode());
        assertEquals("Invalid requests[0].addSheet: A sheet with the name \"ALICE@example.com\""
                + " already exists. Please enter another name.", error.getDetails().getMessage());
    }

    @Test
    void deleteSheetRemovesTabAndItsCells() throws IOException {
        int sheetId = batch(addSheet("gone")).getReplies().get(0).getAddSheet().getProperties()
                .getSheetId();
        update("gone!A1", List.of(List.of("x")));

        batch(new Request().setDeleteSheet(new DeleteSheetRequest().setSheetId(sheetId)));

        assertEquals(1, sheets.spreadsheets().get(id).execute().getSheets().size());
        GoogleJsonResponseException error = failure(() -> read("gone!A1"));
        assertEquals("Unable to parse range: gone!A1", error.getDetails().getMessage());
    }

    @Test
    void lastTabCannotBeDeleted() {
        GoogleJsonResponseException error = failure(() -> batch(new Request()
                .setDeleteSheet(new DeleteSheetRequest().setSheetId(0))));

        assertEquals(400, error.getStatusCode());
        assertEquals("Invalid requests[0].deleteSheet: You can't remove all the sheets in a"
                + " document.", error.getDetails().getMessage());
    }

    @Test
    void updateSheetPropertiesResizesAndRenames() throws IOException {
        batch(new Request().setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                .setProperties(new SheetProperties().setSheetId(0).setTitle("Usage")
                        .setGridProperties(new GridProperties().setRowCount(10)
                                .setColumnCount(6)))
                .setFields("title,gridProperties.rowCount,gridProperties.columnCount")));

        SheetProperties tab = sheets.spreadsheets().get(id).execute().getSheets().get(0)
                .getProperties();
        assertEquals("Usage", tab.getTitle());
        assertEquals(10, tab.getGridProperties().getRowCount());
        assertEquals(6, tab.getGridProperties().getColumnCount());
    }

    @Test
    void negativeSheetIdIsRejected() {
        GoogleJsonResponseException added = failure(() -> batch(new Request().setAddSheet(
                new AddSheetRequest().setProperties(new SheetProperties().setSheetId(-3)
                        .setTitle("negative")))));
        GoogleJsonResponseException created = failure(() -> sheets.spreadsheets().create(
                new Spreadsheet().setSheets(List.of(new Sheet().setProperties(
                        new SheetProperties().setSheetId(-1))))).execute());

        assertEquals(400, added.getStatusCode());
        assertEquals("Invalid requests[0].addSheet: Invalid sheetId: -3; a sheet id must be"
                + " non-negative.", added.getDetails().getMessage());
        assertEquals(400, created.getStatusCode());
        assertEquals("Invalid sheetId: -1; a sheet id must be non-negative.",
                created.getDetails().getMessage());
    }

    /** An empty string is an unset field in the API's protocol buffers: the default name. */
    @Test
    void emptyTitleInCreateGetsDefaultName() throws IOException {
        Spreadsheet created = sheets.spreadsheets().create(new Spreadsheet().setSheets(List.of(
                new Sheet().setProperties(new SheetProperties().setTitle(""))))).execute();

        assertEquals("Sheet1", created.getSheets().get(0).getProperties().getTitle());
    }

    @Test
    void renameToEmptyTitleIsRejected() throws IOException {
        GoogleJsonResponseException error = failure(() -> batch(new Request()
                .setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                        .setProperties(new SheetProperties().setSheetId(0).setTitle(""))
                        .setFields("title"))));

        assertEquals(400, error.getStatusCode());
        assertEquals("Invalid requests[0].updateSheetProperties: Invalid title: a sheet's name"
                + " cannot be empty; give properties.title a name or leave title out of fields.",
                error.getDetails().getMessage());
        assertEquals("Sheet1", sheets.spreadsheets().get(id).execute().getSheets().get(0)
                .getProperties().getTitle());
    }

    /**
     * Google counts a new index in positions before the move: with tabs S1, S2, S3, index 2
     * puts S1 between S2 and S3, and S1's own index plus one leaves it where it is.
     */
    @Test
    void moveCountsIndexBeforeTheMove() throws IOException {
        batch(addSheet("S2"), addSheet("S3"));

        move(0, 2);
        assertEquals(List.of("S2", "Sheet1", "S3"), titles());
        move(0, 2);
        assertEquals(List.of("S2", "Sheet1", "S3"), titles());
        move(0, 3);
        assertEquals(List.of("S2", "S3", "Sheet1"), titles());
        move(0, 0);
        assertEquals(List.of("Sheet1", "S2", "S3"), titles());
    }

    @Test
    void unimplementedResponseOptionsAreRejected() throws IOException {
        GoogleJsonResponseException gridData = failure(() -> sheets.spreadsheets().get(id)
                .setIncludeGridData(true).execute());
        GoogleJsonResponseException ranges = failure(() -> sheets.spreadsheets().get(id)
                .setRanges(List.of("Sheet1!A1")).execute());
        GoogleJsonResponseException updated = failure(() -> sheets.spreadsheets().values()
                .update(id, "Sheet1!A1", new ValueRange().setValues(List.of(List.of("x"))))
                .setValueInputOption("RAW").setIncludeValuesInResponse(true).execute());

        assertEquals(400, gridData.getStatusCode());
        assertEquals("The Sheets emulator does not implement includeGridData=true in"
                + " spreadsheets.get; leave it out and read the cells with values.get. See"
                + " docs/sheets-emulator.md for the supported calls.",
                gridData.getDetails().getMessage());
        assertEquals(400, ranges.getStatusCode());
        assertEquals(400, updated.getStatusCode());
        assertNull(read("Sheet1!A1").getValues());
        assertEquals(1, sheets.spreadsheets().get(id).setIncludeGridData(false).execute()
                .getSheets().size());
    }

    @Test
    void failedBatchChangesNothing() {
        Request add = addSheet("kept-out");
        Request badDelete = new Request().setDeleteSheet(new DeleteSheetRequest().setSheetId(99));

        GoogleJsonResponseException error = failure(() -> batch(add, badDelete));

        assertEquals("Invalid requests[1].deleteSheet: No grid with id: 99",
                error.getDetails().getMessage());
        failure(() -> read("kept-out!A1"));
    }

    @Test
    void updateThenGetRoundTripsRawValues() throws IOException {
        UpdateValuesResponse updated = update("Sheet1!A1", List.of(
                List.of("when", "cost"), List.of("=1+1", 12.5), List.of("x", true)));

        assertEquals("Sheet1!A1:B3", updated.getUpdatedRange());
        assertEquals(6, updated.getUpdatedCells());
        ValueRange formatted = read("Sheet1!A1:B3");
        assertEquals(List.of(List.of("when", "cost"), List.of("=1+1", "12.5"),
                List.of("x", "TRUE")), formatted.getValues());
        ValueRange unformatted = sheets.spreadsheets().values().get(id, "Sheet1!B2")
                .setValueRenderOption("UNFORMATTED_VALUE").execute();
        assertEquals(new BigDecimal("12.5"), unformatted.getValues().get(0).get(0));
    }

    @Test
    void userEnteredParsesNumbersAndKeepsFormulaText() throws IOException {
        sheets.spreadsheets().values().update(id, "Sheet1!A1", new ValueRange()
                .setValues(List.of(List.of("42", "'42", "=SUM(A1:A1)"))))
                .setValueInputOption("USER_ENTERED").execute();

        ValueRange values = sheets.spreadsheets().values().get(id, "Sheet1!A1:C1")
                .setValueRenderOption("UNFORMATTED_VALUE").execute();

        assertEquals(new BigDecimal("42"), values.getValues().get(0).get(0));
        assertEquals("42", values.getValues().get(0).get(1));
        assertEquals("=SUM(A1:A1)", values.getValues().get(0).get(2));
    }

    @Test
    void getReturnsBoundedRangeAndTrimsEmptyCells() throws IOException {
        update("Sheet1!B2", List.of(List.of("b2", "", "d2")));

        ValueRange values = read("Sheet1!A:E");

        assertEquals("Sheet1!A1:E1000", values.getRange());
        assertEquals(List.of(List.of(), List.of("", "b2", "", "d2")), values.getValues());
        assertNull(read("Sheet1!A10:B20").getValues());
    }

    @Test
    void batchGetReadsEveryRange() throws IOException {
        update("Sheet1!A1", List.of(List.of("a"), List.of("b")));

        BatchGetValuesResponse response = sheets.spreadsheets().values().batchGet(id)
                .setRanges(List.of("Sheet1!A1", "Sheet1!A2")).execute();

        assertEquals(2, response.getValueRanges().size());
        assertEquals(List.of(List.of("a")), response.getValueRanges().get(0).getValues());
        assertEquals(List.of(List.of("b")), response.getValueRanges().get(1).getValues());
    }

    /** The client sends a GET whose URL exceeds 2,048 characters as an overridden POST. */
    @Test
    void batchGetWithLongUrlReadsEveryRange() throws IOException {
        update("Sheet1!A1", List.of(List.of("a")));
        List<String> ranges = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            ranges.add("Sheet1!A" + i);
        }

        BatchGetValuesResponse response = sheets.spreadsheets().values().batchGet(id)
                .setRanges(ranges).execute();

        assertEquals(300, response.getValueRanges().size());
        assertEquals(List.of(List.of("a")), response.getValueRanges().get(0).getValues());
        assertNull(response.getValueRanges().get(299).getValues());
        assertEquals("Sheet1!A300", response.getValueRanges().get(299).getRange());
    }

    @Test
    void appendWritesAfterTableInQuotedTab() throws IOException {
        String title = "ann.o'neil+ledger@example.com";
        batch(addSheet(title));
        String range = "'ann.o''neil+ledger@example.com'!A:C";

        AppendValuesResponse first = append(range, List.of(List.of("t1", "m", 1)), "OVERWRITE");
        AppendValuesResponse second = append(range, List.of(List.of("t2", "m", 2)),
                "INSERT_ROWS");

        assertNull(first.getTableRange());
        assertEquals("'ann.o''neil+ledger@example.com'!A1:C1",
                first.getUpdates().getUpdatedRange());
        assertEquals("'ann.o''neil+ledger@example.com'!A1:C1", second.getTableRange());
        assertEquals("'ann.o''neil+ledger@example.com'!A2:C2",
                second.getUpdates().getUpdatedRange());
        assertEquals(List.of(List.of("t1", "m", "1"), List.of("t2", "m", "2")),
                read(range).getValues());
    }

    @Test
    void appendWithInsertRowsGrowsGrid() throws IOException {
        append("Sheet1!A1", List.of(List.of("a"), List.of("b")), "INSERT_ROWS");

        int rows = sheets.spreadsheets().get(id).execute().getSheets().get(0).getProperties()
                .getGridProperties().getRowCount();

        assertEquals(1_002, rows);
    }

    @Test
    void clearEmptiesRangeAndKeepsGrid() throws IOException {
        update("Sheet1!A1", List.of(List.of("a", "b"), List.of("c", "d")));

        String cleared = sheets.spreadsheets().values().clear(id, "Sheet1!A1:A2",
                new com.google.api.services.sheets.v4.model.ClearValuesRequest()).execute()
                .getClearedRange();

        assertEquals("Sheet1!A1:A2", cleared);
        assertEquals(List.of(List.of("", "b"), List.of("", "d")), read("Sheet1!A1:B2")
                .getValues());
    }

    @Test
    void unknownSpreadsheetIsNotFound() {
        GoogleJsonResponseException error = failure(
                () -> sheets.spreadsheets().get("missing").execute());

        assertEquals(404, error.getStatusCode());
        assertEquals("NOT_FOUND", error.getDetails().get("status"));
        assertEquals("Requested entity was not found.", error.getDetails().getMessage());
    }

    @Test
    void unparsableRangeIsRejected() {
        GoogleJsonResponseException error = failure(() -> read("Sheet1!A1:B2:C3"));

        assertEquals(400, error.getStatusCode());
        assertEquals("INVALID_ARGUMENT", error.getDetails().get("status"));
        assertEquals("Unable to parse range: Sheet1!A1:B2:C3", error.getDetails().getMessage());
    }

    private void move(int sheetId, int index) throws IOException {
        batch(new Request().setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                .setProperties(new SheetProperties().setSheetId(sheetId).setIndex(index))
                .setFields("index")));
    }

    private List<String> titles() throws IOException {
        List<String> titles = new ArrayList<>();
        for (Sheet sheet : sheets.spreadsheets().get(id).execute().getSheets()) {
            titles.add(sheet.getProperties().getTitle());
        }
        return titles;
    }

    private Request addSheet(String title) {
        return new Request().setAddSheet(new AddSheetRequest()
                .setProperties(new SheetProperties().setTitle(title)));
    }

    private BatchUpdateSpreadsheetResponse batch(Request... requests) throws IOException {
        return sheets.spreadsheets().batchUpdate(id, new BatchUpdateSpreadsheetRequest()
                .setRequests(List.of(requests))).execute();
    }

    private UpdateValuesResponse update(String range, List<List<Object>> rows)
            throws IOException {
        return sheets.spreadsheets().values().update(id, range, new ValueRange().setValues(rows))
                .setValueInputOption("RAW").execute();
    }

    private AppendValuesResponse append(String range, List<List<Object>> rows, String option)
            throws IOException {
        return sheets.spreadsheets().values().append(id, range, new ValueRange().setValues(rows))
                .setValueInputOption("RAW").setInsertDataOption(option).execute();
    }

    private ValueRange read(String range) throws IOException {
        return sheets.spreadsheets().values().get(id, range).execute();
    }
}
