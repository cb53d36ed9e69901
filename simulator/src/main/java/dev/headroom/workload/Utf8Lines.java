package dev.headroom.workload;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the line of a text file that is not valid UTF-8, for error messages. */
final class Utf8Lines {

    private Utf8Lines() {
    }

    /**
     * Returns the 1-based number of the first line whose bytes are not valid UTF-8, or the number
     * of the last line when every line decodes (which happens only if the file changed).
     */
    static long firstInvalidLine(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lineNumber = 1;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                if (!decodes(decoder, line)) {
                    return lineNumber;
                }
                line.reset();
                lineNumber++;
            }
        }
        return lineNumber;
    }

    private static boolean decodes(CharsetDecoder decoder, ByteArrayOutputStream line) {
        try {
            decoder.reset().decode(ByteBuffer.wrap(line.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
