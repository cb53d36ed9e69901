package dev.headroom.sheets.emulator;

import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.UpdateSheetPropertiesRequest;
import dev.headroom.sheets.limits.Grid;
import java.util.List;
import java.util.Set;

/** The {@code deleteSheet} and {@code updateSheetProperties} requests of a batch. */
final class SheetRequests {

    private static final Set<String> IGNORED_FIELD_PREFIXES =
            Set.of("gridProperties.frozen", "gridProperties.hide", "tabColor", "hidden",
                    "rightToLeft", "gridProperties.rowGroup", "gridProperties.columnGroup");

    private SheetRequests() {
    }

    /**
     * Removes a tab. Google rejects removing the last one and an unknown id, with the texts used
     * here.
     */
    static void deleteSheet(SheetLayout draft, Integer sheetId) {
        SheetLayout.Sheet sheet = sheetId == null ? null : draft.byId(sheetId);
        if (sheet == null) {
            throw ApiException.invalidArgument("No grid with id: " + sheetId);
        }
        if (draft.size() == 1) {
            throw ApiException.invalidArgument("You can't remove all the sheets in a document.");
        }
        draft.remove(sheet);
    }

    /**
     * Changes the fields named in the field mask: {@code title}, {@code index},
     * {@code gridProperties.rowCount} and {@code gridProperties.columnCount}, with
     * {@code gridProperties} or {@code *} naming all that apply; a mask may group paths as in
     * {@code gridProperties(rowCount,columnCount)}. A resize goes through the grid
     * budget, which applies rows before columns. Display-only fields such as frozen rows are
     * accepted and not stored.
     */
    static void updateSheetProperties(SheetLayout draft, UpdateSheetPropertiesRequest request) {
        SheetProperties properties = request.getProperties();
        if (properties == null || properties.getSheetId() == null) {
            throw ApiException.invalidArgument("properties.sheetId is required; set the id of"
                    + " the tab to change.");
        }
        String mask = request.getFields();
        if (mask == null || mask.isBlank()) {
            throw ApiException.invalidArgument("At least one field must be updated, but none"
                    + " was specified; set fields, such as gridProperties.rowCount.");
        }
        SheetLayout.Sheet sheet = draft.byId(properties.getSheetId());
        if (sheet == null) {
            throw ApiException.invalidArgument("No grid with id: " + properties.getSheetId());
        }
        List<String> fields = FieldMask.paths(mask);
        for (String field : fields) {
            requireKnownField(field);
        }
        boolean all = fields.contains("*");
        resize(draft, sheet, properties.getGridProperties(), fields, all);
        rename(draft, sheet, properties, fields, all);
    }

    private static void resize(SheetLayout draft, SheetLayout.Sheet sheet,
            GridProperties requested, List<String> fields, boolean all) {
        boolean whole = all || fields.contains("gridProperties");
        boolean rows = whole || fields.contains("gridProperties.rowCount");
        boolean columns = whole || fields.contains("gridProperties.columnCount");
        if (requested == null || (!rows && !columns)) {
            return;
        }
        Grid current = draft.grid(sheet);
        int rowCount = rows && requested.getRowCount() != null
                ? requested.getRowCount() : current.rowCount();
        int columnCount = columns && requested.getColumnCount() != null
                ? requested.getColumnCount() : current.columnCount();
        draft.budget().resize(sheet.sheetId(), new Grid(rowCount, columnCount));
    }

    private static void rename(SheetLayout draft, SheetLayout.Sheet sheet,
            SheetProperties properties, List<String> fields, boolean all) {
        boolean title = (all || fields.contains("title")) && properties.getTitle() != null;
        boolean index = (all || fields.contains("index")) && properties.getIndex() != null;
        if (!title && !index) {
            return;
        }
        String newTitle = title ? properties.getTitle() : sheet.title();
        if (title && newTitle.isBlank()) {
            throw ApiException.invalidArgument("Invalid title: a sheet's name cannot be empty;"
                    + " give properties.title a name or leave title out of fields.");
        }
        if (title && !newTitle.equalsIgnoreCase(sheet.title())) {
            SpreadsheetCalls.requireFreeTitle(draft, newTitle);
        }
        draft.update(sheet, newTitle, index ? properties.getIndex() : -1);
    }

    private static void requireKnownField(String field) {
        if (field.equals("*") || field.equals("title") || field.equals("index")
                || field.equals("gridProperties") || field.equals("gridProperties.rowCount")
                || field.equals("gridProperties.columnCount")) {
            return;
        }
        for (String prefix : IGNORED_FIELD_PREFIXES) {
            if (field.startsWith(prefix)) {
                return;
            }
        }
        throw ApiException.invalidArgument("The emulator cannot update field '" + field
                + "'; supported fields are title, index, gridProperties.rowCount and"
                + " gridProperties.columnCount.");
    }
}
