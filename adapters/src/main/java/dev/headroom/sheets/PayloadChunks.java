package dev.headroom.sheets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Splits the rows of one append into requests that stay under Google's recommended payload.
 *
 * <p>Google's rule, read 2026-04-23 from https://developers.google.com/workspace/sheets/api/limits:
 * there is no hard size limit on a request, but "we recommend a 2 MB maximum payload".
 */
final class PayloadChunks {

    /** Google's recommended maximum request payload, 2 MB, in bytes. */
    static final long MAX_REQUEST_BYTES = 2_000_000;

    /** Bytes kept free in each request for the JSON object around the rows. */
    static final long ENVELOPE_BYTES = 1_024;

    /** Maximum bytes of one character in JSON: a backslash, {@code u} and four hex digits. */
    private static final int ESCAPED_CHAR_BYTES = 6;

    private PayloadChunks() {
    }

    /**
     * Splits {@code items} in order into consecutive chunks whose summed {@code bytes} stay
     * within {@code maxBytes} minus {@link #ENVELOPE_BYTES}. An item larger than that on its
     * own gets a chunk of its own.
     */
    static <T> List<List<T>> split(List<T> items, ToLongFunction<T> bytes, long maxBytes) {
        long budget = maxBytes - ENVELOPE_BYTES;
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long used = 0;
        for (T item : items) {
            long size = bytes.applyAsLong(item);
            if (!current.isEmpty() && used + size > budget) {
                chunks.add(current);
                current = new ArrayList<>();
                used = 0;
            }
            current.add(item);
            used += size;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /**
     * Returns an upper bound, in bytes, of a row's size in a JSON request body: each cell as a
     * quoted string followed by a comma, plus the row's brackets and comma. Letters, digits and
     * {@code -.:@_+ } count one byte each; any other character counts as a six-byte escape,
     * which is at least its UTF-8 length.
     */
    static long jsonBytes(List<Object> row) {
        long size = 3;
        for (Object cell : row) {
            String text = String.valueOf(cell);
            size += 3;
            for (int i = 0; i < text.length(); i++) {
                size += isPlain(text.charAt(i)) ? 1 : ESCAPED_CHAR_BYTES;
            }
        }
        return size;
    }

    private static boolean isPlain(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-.:@_+ ".indexOf(c) >= 0;
    }
}
