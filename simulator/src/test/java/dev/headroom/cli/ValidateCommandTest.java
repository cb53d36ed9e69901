package dev.headroom.cli;

import static dev.headroom.cli.MainScenario.SCENARIO;
import static dev.headroom.cli.MainScenario.execute;
import static dev.headroom.cli.MainScenario.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * headroom validate on a scenario: the valid message and the problems it reports with their
 * positions.
 */
class ValidateCommandTest {

    @TempDir
    Path folder;

    @Test
    void validate_hugeSeed_givesRange() throws Exception {
        Path file = scenario(folder, SCENARIO.replace("seed: 5", "seed: 99999999999999999999"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains("seed: out of range: 99999999999999999999 is not between"
                + " 0 and " + Long.MAX_VALUE + "; use a value in that range"), result.err());
    }

    @Test
    void validate_missingTokenTable_givesFieldPosition() throws Exception {
        Path file = scenario(folder, SCENARIO.replace("  request_rate:",
                "  token_sizes: {source: file, file: nope.csv}\n  request_rate:"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().startsWith("headroom: " + file
                + ":10:37: workload.token_sizes.file: token-size table "
                + folder.resolve("nope.csv") + " not found;"), result.err());
    }

    @Test
    void validate_tokenTableIsFolder_saysSo() throws Exception {
        Files.createDirectory(folder.resolve("tables"));
        Path file = scenario(folder, SCENARIO.replace("  request_rate:",
                "  token_sizes: {source: file, file: tables}\n  request_rate:"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains("cannot read the token-size table "
                + folder.resolve("tables") + " (it is a folder)"), result.err());
        assertTrue(!result.err().contains("java.io"), result.err());
    }

    @Test
    void validate_tokenTableOverSizeLimit_saysSo() throws Exception {
        Path table = folder.resolve("huge.csv");
        try (RandomAccessFile huge = new RandomAccessFile(table.toFile(), "rw")) {
            huge.setLength((10L << 20) + 1);
        }
        Path file = scenario(folder, SCENARIO.replace("  request_rate:",
                "  token_sizes: {source: file, file: huge.csv}\n  request_rate:"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: " + file + ":10:37: workload.token_sizes.file: token-size table "
                + table + " is larger than 10 MiB; give the path of a table written by headroom"
                + " workload fit", result.err().strip());
    }

    @Test
    void validate_badTokenTableRow_givesBothPositions() throws Exception {
        Files.writeString(folder.resolve("table.csv"),
                "probability,tokens_in,tokens_out\n0,1,1\n0.5,abc,2\n1,3,3\n");
        Path file = scenario(folder, SCENARIO.replace("  request_rate:",
                "  token_sizes:\n    source: file\n    file: table.csv\n  request_rate:"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().startsWith("headroom: " + file + ":12:11: "
                + "workload.token_sizes.file: invalid token-size table: "
                + folder.resolve("table.csv") + ":3:5: "), result.err());
    }

    @Test
    void validate_tokenTableNotUtf8_givesLineAndColumn() throws Exception {
        Path table = Files.write(folder.resolve("table.csv"),
                "# caf\u00e9\nprobability,tokens_in,tokens_out\n0,1,1\n1,3,3\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        Path file = scenario(folder, SCENARIO.replace("  request_rate:",
                "  token_sizes:\n    source: file\n    file: table.csv\n  request_rate:"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: " + file + ":12:11: workload.token_sizes.file: invalid"
                + " token-size table: " + table + ":1:6: byte 0xE9 is not valid UTF-8 text;"
                + " save the table with UTF-8 encoding", result.err().strip());
    }

    @Test
    void validate_emptyOptionalField_exitsBadInput() throws Exception {
        Path file = scenario(folder, SCENARIO + "redis:\n  ttl: ~\n");

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: " + file + ":17:3: redis.ttl: missing value; write a duration"
                + " such as 30s, or remove the field to use the default (5m)",
                result.err().strip());
    }

    @Test
    void validate_manyProblems_prefixesEveryLine() throws Exception {
        Path file = scenario(folder, SCENARIO.replace("seed: 5", "seed: -5").replace("horizon: 3d",
                "horizon: 0d"));

        CliResult result = execute("validate", file.toString());

        List<String> lines = result.err().lines().toList();
        assertEquals(2, lines.size(), result.err());
        for (String line : lines) {
            assertTrue(line.startsWith("headroom: " + file + ":"), line);
        }
    }

    @Test
    void validate_itemBytesTooLarge_namesLimitInBytes() throws Exception {
        Path file = scenario(folder, SCENARIO + "dynamodb:\n  item_bytes: 500KiB\n");

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains("dynamodb.item_bytes: out of range: 500KiB (512000 bytes)"
                + " is more than the 400 KiB item limit (409600 bytes);"), result.err());
    }

    @Test
    void validate_phasesNotList_givesOneProblem() throws Exception {
        Path file = scenario(folder, SCENARIO.substring(0, SCENARIO.indexOf("  phases:"))
                + "  phases: single\n");

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("plan.phases: wrong type: expected a list"),
                result.err());
    }

    @Test
    void validate_unknownField_exitsTwoWithPosition() throws Exception {
        Path file = scenario(folder, SCENARIO.replace("seed: 5", "sead: 5"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().contains("scenario.yaml:2:1"), result.err());
        assertTrue(result.err().contains("seed"), result.err());
    }

    @Test
    void validate_validFile_printsHash() throws Exception {
        CliResult result = execute("validate", scenario(folder, SCENARIO).toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertTrue(result.out().contains("valid scenario 'two-users'"), result.out());
    }
}
