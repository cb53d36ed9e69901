package dev.headroom.sheets;

/** Builds A1-notation ranges with the tab title quoted, as the Sheets API reads them. */
final class A1 {

    private A1() {
    }

    /** Returns {@code 'title'!range}, doubling any apostrophe in the title. */
    static String range(String title, String range) {
        return "'" + title.replace("'", "''") + "'!" + range;
    }

    /** Returns the range of whole columns {@code A} to {@code lastColumn} of a tab. */
    static String columns(String title, String lastColumn) {
        return range(title, "A:" + lastColumn);
    }
}
