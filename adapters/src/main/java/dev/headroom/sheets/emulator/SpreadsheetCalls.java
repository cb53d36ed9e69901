package dev.headroom.sheets.emulator;

import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.model.AddSheetResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetResponse;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.Response;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.SpreadsheetProperties;
import dev.headroom.sheets.limits.Grid;
import dev.headroom.sheets.limits.SheetsLimitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The spreadsheet-level calls: {@code create}, {@code get} and {@code batchUpdate} with
 * {@code addSheet}, {@code deleteSheet} and {@code updateSheetProperties}.
 */
final class SpreadsheetCalls {

    private final WorkbookStore store;

    SpreadsheetCalls(WorkbookStore store) {
        this.store = store;
    }

    /** Creates a workbook from an optional title and optional tabs; one default tab if none. */
    String create(String body) {
        Spreadsheet request = Json.parse(body, Spreadsheet.class);
        SpreadsheetProperties requested = request.getProperties();
        String title = requested == null || requested.getTitle() == null
                ? "Untitled spreadsheet" : requested.getTitle();
        SheetLayout layout = new SheetLayout(store.cellLimit());
        List<Sheet> sheets = request.getSheets() == null ? List.of() : request.getSheets();
        try {
            if (sheets.isEmpty()) {
                layout.add(new SheetLayout.Sheet(0, "Sheet1"), Grid.DEFAULT, 0);
            }
            int nextId = 0;
            for (Sheet sheet : sheets) {
                SheetProperties properties = sheet.getProperties() == null
                        ? new SheetProperties() : sheet.getProperties();
                int sheetId = properties.getSheetId() == null ? nextId
                        : requireSheetId(properties.getSheetId());
                nextId = Math.max(nextId, sheetId + 1);
                String sheetTitle = isUnset(properties.getTitle())
                        ? freeTitle(layout) : properties.getTitle();
                requireFreeTitle(layout, sheetTitle);
                layout.add(new SheetLayout.Sheet(sheetId, sheetTitle),
                        gridOf(properties.getGridProperties(), Grid.DEFAULT), layout.size());
            }
        } catch (SheetsLimitException | IllegalArgumentException invalid) {
            throw ApiException.invalidArgument(invalid.getMessage());
        }
        Workbook workbook = store.add(title, layout);
        synchronized (workbook) {
            return Json.write(describe(workbook));
        }
    }

    /** Returns a workbook's properties and its tabs' properties, without cell data. */
    String get(String spreadsheetId) {
        Workbook workbook = store.require(spreadsheetId);
        synchronized (workbook) {
            return Json.write(describe(workbook));
        }
    }

    /** Applies every request of a batch, or none of them if any fails. */
    String batchUpdate(String spreadsheetId, String body) {
        BatchUpdateSpreadsheetRequest batch = Json.parse(body, BatchUpdateSpreadsheetRequest.class);
        List<Request> requests = batch.getRequests() == null ? List.of() : batch.getRequests();
        if (requests.isEmpty()) {
            throw ApiException.invalidArgument("Must specify at least one request.");
        }
        Workbook workbook = store.require(spreadsheetId);
        synchronized (workbook) {
            SheetLayout draft = workbook.layout().copy();
            List<Response> replies = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                replies.add(applyOne(workbook, draft, requests.get(i), i));
            }
            workbook.commit(draft);
            return Json.write(new BatchUpdateSpreadsheetResponse()
                    .setSpreadsheetId(spreadsheetId).setReplies(replies));
        }
    }

    private Response applyOne(Workbook workbook, SheetLayout draft, Request request, int i) {
        List<String> kinds = setKinds(request);
        if (kinds.isEmpty()) {
            throw ApiException.invalidArgument("Invalid requests[" + i + "]: No request set.");
        }
        String kind = kinds.size() == 1 ? kinds.get(0) : "";
        String prefix = "Invalid requests[" + i + "]." + kind + ": ";
        try {
            switch (kind) {
                case "addSheet":
                    return addSheet(workbook, draft, request.getAddSheet().getProperties());
                case "deleteSheet":
                    SheetRequests.deleteSheet(draft, request.getDeleteSheet().getSheetId());
                    return new Response();
                case "updateSheetProperties":
                    SheetRequests.updateSheetProperties(draft,
                            request.getUpdateSheetProperties());
                    return new Response();
                default:
                    throw ApiException.invalidArgument("Invalid requests[" + i + "]: the"
                            + " emulator supports one of addSheet, deleteSheet and"
                            + " updateSheetProperties per request, got " + kinds);
            }
        } catch (SheetsLimitException | IllegalArgumentException invalid) {
            throw ApiException.invalidArgument(prefix + invalid.getMessage());
        } catch (ApiException invalid) {
            if (invalid.getMessage().startsWith("Invalid requests[")) {
                throw invalid;
            }
            throw ApiException.invalidArgument(prefix + invalid.getMessage());
        }
    }

    /** Returns the request kinds that have a value. A kind set to JSON null counts as absent. */
    private static List<String> setKinds(Request request) {
        List<String> kinds = new ArrayList<>();
        for (Map.Entry<String, Object> field : request.entrySet()) {
            if (field.getValue() != null && !Data.isNull(field.getValue())) {
                kinds.add(field.getKey());
            }
        }
        return kinds;
    }

    private Response addSheet(Workbook workbook, SheetLayout draft, SheetProperties requested) {
        SheetProperties properties = requested == null ? new SheetProperties() : requested;
        String title = isUnset(properties.getTitle()) ? freeTitle(draft) : properties.getTitle();
        requireFreeTitle(draft, title);
        int sheetId;
        if (properties.getSheetId() == null) {
            sheetId = workbook.newSheetId(draft);
        } else {
            sheetId = requireSheetId(properties.getSheetId());
            if (draft.byId(sheetId) != null) {
                throw ApiException.invalidArgument("A sheet with id " + sheetId
                        + " already exists; leave sheetId unset or choose another id.");
            }
        }
        int index = properties.getIndex() == null ? draft.size() : properties.getIndex();
        SheetLayout.Sheet sheet = new SheetLayout.Sheet(sheetId, title);
        draft.add(sheet, gridOf(properties.getGridProperties(), Grid.DEFAULT), index);
        return new Response().setAddSheet(
                new AddSheetResponse().setProperties(propertiesOf(draft, sheet)));
    }

    /**
     * Returns whether a requested tab title counts as unset. The API's messages are protocol
     * buffers, where an empty string is the same as no value, so an empty title gets the next
     * free default name, as a missing one does; a blank title is treated the same way.
     */
    static boolean isUnset(String title) {
        return title == null || title.isBlank();
    }

    /**
     * Returns a requested sheet id after checking it: Google documents a sheet id as
     * non-negative (SheetProperties.sheetId, "Must be non-negative").
     */
    static int requireSheetId(int sheetId) {
        if (sheetId < 0) {
            throw ApiException.invalidArgument("Invalid sheetId: " + sheetId
                    + "; a sheet id must be non-negative.");
        }
        return sheetId;
    }

    static void requireFreeTitle(SheetLayout layout, String title) {
        if (layout.byTitle(title) != null) {
            throw ApiException.invalidArgument("A sheet with the name \"" + title
                    + "\" already exists. Please enter another name.");
        }
    }

    static Grid gridOf(GridProperties properties, Grid fallback) {
        if (properties == null) {
            return fallback;
        }
        int rows = properties.getRowCount() == null
                ? fallback.rowCount() : properties.getRowCount();
        int columns = properties.getColumnCount() == null
                ? fallback.columnCount() : properties.getColumnCount();
        return new Grid(rows, columns);
    }

    private static String freeTitle(SheetLayout layout) {
        int number = layout.size() + 1;
        while (layout.byTitle("Sheet" + number) != null) {
            number++;
        }
        return "Sheet" + number;
    }

    private static Spreadsheet describe(Workbook workbook) {
        SheetLayout layout = workbook.layout();
        List<Sheet> sheets = new ArrayList<>();
        for (SheetLayout.Sheet sheet : layout.sheets()) {
            sheets.add(new Sheet().setProperties(propertiesOf(layout, sheet)));
        }
        return new Spreadsheet()
                .setSpreadsheetId(workbook.spreadsheetId())
                .setProperties(new SpreadsheetProperties().setTitle(workbook.title())
                        .setLocale("en_US").setTimeZone("Etc/GMT"))
                .setSheets(sheets);
    }

    private static SheetProperties propertiesOf(SheetLayout layout, SheetLayout.Sheet sheet) {
        Grid grid = layout.grid(sheet);
        return new SheetProperties()
                .setSheetId(sheet.sheetId())
                .setTitle(sheet.title())
                .setIndex(layout.indexOf(sheet))
                .setSheetType("GRID")
                .setGridProperties(new GridProperties()
                        .setRowCount(grid.rowCount()).setColumnCount(grid.columnCount()));
    }
}
