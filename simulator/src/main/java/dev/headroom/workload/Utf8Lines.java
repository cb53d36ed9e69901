package dev.headroom.workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of a UTF-8 text stream in one pass, and names the line and column of the first
 * byte that is not valid UTF-8. A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, as
 * {@link java.io.BufferedReader#readLine()} ends it.
 *
 * <p>Each line is decoded on its own, so an invalid byte is reported on its own line even when
 * the stream is a pipe that cannot be read a second time.
 */
final class Utf8Lines implements CsvRecords.LineSource {

    private static final int BUFFER = 1 << 16;
    /**
     * The longest line read, in bytes: far above a request with the longest prompt, and below
     * the size of a Java array, which a file with no line breaks would otherwise pass.
     */
    static final int MAX_LINE_BYTES = 64 << 20;

    private final InputStream in;
    private final String source;
    private final String what;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private long lineNumber;

    /**
     * Creates a reader of {@code in}. Error messages name it {@code source} and call its
     * content {@code what}, such as {@code log} or {@code table}.
     */
    Utf8Lines(InputStream in, String source, String what) {
        this.in = in;
        this.source = source;
        this.what = what;
    }

    /**
     * Returns the next line without its terminator, or {@code null} at the end of the stream.
     *
     * @throws InputFormatException naming the line and column of a byte that is not UTF-8
     */
    @Override
    public String next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                if (position < limit || fill()) {
                    if (buffer[position] == '\n') {
                        position++;
                    }
                }
                break;
            }
            if (length == line.length) {
                if (length >= MAX_LINE_BYTES) {
                    throw new InputFormatException(source, lineNumber + 1, 1, "the line is longer"
                            + " than " + (MAX_LINE_BYTES >> 20) + " MiB; check that the file is"
                            + " a " + what + " in CSV, with line breaks between its rows");
                }
                line = Arrays.copyOf(line, Math.min(length * 2, MAX_LINE_BYTES));
            }
            line[length++] = b;
        }
        lineNumber++;
        return decode(length);
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        while (read == 0) {
            read = in.read(buffer, 0, buffer.length);
        }
        if (read < 0) {
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    /** Returns the kind of compressed file whose magic bytes start the line, or null. */
    private String archiveKind(int length) {
        int[][] magic = {{0x1F, 0x8B}, {'P', 'K', 3, 4}, {0x28, 0xB5, 0x2F, 0xFD},
            {0xFD, '7', 'z', 'X', 'Z', 0}};
        String[] names = {"gzip", "zip", "zstd", "xz"};
        for (int kind = 0; kind < magic.length; kind++) {
            boolean match = length >= magic[kind].length;
            for (int i = 0; match && i < magic[kind].length; i++) {
                match = (line[i] & 0xff) == magic[kind][i];
            }
            if (match) {
                return names[kind];
            }
        }
        return null;
    }

    private String decode(int length) {
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            chars.flip();
            int column = Character.codePointCount(chars, 0, chars.length()) + 1;
            if (lineNumber == 1 && chars.length() > 0 && chars.get(0) == '\uFEFF') {
                // The readers drop a byte order mark, so their columns do not count it.
                column--;
            }
            int bad = line[bytes.position()] & 0xff;
            String archive = lineNumber == 1 ? archiveKind(length) : null;
            if (archive != null) {
                throw new InputFormatException(source, 1, 1, "the " + what + " is a " + archive
                        + " file, not CSV text; decompress it first, for example with"
                        + " <(zcat FILE) for gzip or <(unzip -p FILE) for zip");
            }
            boolean utf16 = lineNumber == 1 && length >= 2 && ((bad == 0xFF
                    && (line[1] & 0xff) == 0xFE) || (bad == 0xFE && (line[1] & 0xff) == 0xFF));
            throw new InputFormatException(source, lineNumber, column, utf16
                    ? "the " + what + " starts with the byte order mark of UTF-16 text; save the "
                            + what + " with UTF-8 encoding"
                    : String.format("byte 0x%02X is not valid UTF-8 text; save the %s with"
                            + " UTF-8 encoding", bad, what));
        }
        chars.flip();
        return chars.toString();
    }
}
