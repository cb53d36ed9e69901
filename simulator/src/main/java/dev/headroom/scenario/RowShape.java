package dev.headroom.scenario;

/**
 * The shape of one ledger row, which sets the cells a Sheets row takes and the bytes a
 * DynamoDB item stores.
 *
 * @param columns cells per row in a Sheets tab
 * @param bytes bytes of one row as stored
 */
public record RowShape(int columns, long bytes) {
}
