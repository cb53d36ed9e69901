package dev.headroom.scenario;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The UTF-8 decoding of a scenario file, which locates the first byte that is not UTF-8. */
final class Utf8Text {

    private Utf8Text() {
    }

    /**
     * Returns {@code bytes} decoded as UTF-8.
     *
     * @throws InvalidScenarioException naming the first byte that does not decode, with its line
     *     and column counted in the characters before it
     */
    static String decode(String file, byte[] bytes) throws InvalidScenarioException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            decoder.flush(out);
            return out.flip().toString();
        }
        String before = out.flip().toString();
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - before.lastIndexOf('\n');
        String hex = String.format(Locale.ROOT, "0x%02X", bytes[in.position()] & 0xFF);
        throw new InvalidScenarioException(List.of(new ScenarioProblem(file, line, column, "",
                "invalid UTF-8: byte " + hex
                        + " does not start or continue a character; save the file as UTF-8")));
    }
}
