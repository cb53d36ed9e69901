package dev.headroom.sheets.limits;

/**
 * The quota class of a Sheets API call. Methods that retrieve data are reads, and methods that
 * change data are writes. A batch request with all its sub-requests counts as one request
 * (Sheets API usage limits, https://developers.google.com/workspace/sheets/api/limits, copy of
 * 2026-04-23).
 */
public enum RequestKind {
    /** {@code spreadsheets.get}, {@code values.get}, {@code values.batchGet}. */
    READ,
    /** {@code batchUpdate}, {@code values.append}, {@code values.update}, {@code values.clear}. */
    WRITE
}
