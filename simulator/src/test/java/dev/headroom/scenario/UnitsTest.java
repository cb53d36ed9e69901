package dev.headroom.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
        "250ms, 250", "30s, 30000", "5m, 300000", "2h, 7200000", "1.5h, 5400000",
        "14d, 1209600000", "2w, 1209600000", "5y, 157680000000", "0s, 0", "1_000ms, 1000"})
    void duration_parsesEachUnit(String text, long millis) {
        assertEquals(BigInteger.valueOf(millis), Units.millis(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "30sec", "s", "-5s", "0.0001s", "5 years", "5Y"})
    void duration_rejectsBadText(String text) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Units.millis(text));
        assertTrue(error.getMessage().startsWith("invalid duration '" + text + "'"),
                error.getMessage());
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
        "500B, 500", "1KB, 1000", "4KiB, 4096", "1MB, 1000000", "1MiB, 1048576",
        "2GB, 2000000000", "1kb, 1000", "1.5KiB, 1536"})
    void bytes_parsesDecimalAndBinaryUnits(String text, long bytes) {
        assertEquals(BigInteger.valueOf(bytes), Units.bytes(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "500 bytes", "0.5B", "KB"})
    void bytes_rejectsBadText(String text) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Units.bytes(text));
        assertTrue(error.getMessage().startsWith("invalid size '" + text + "'"),
                error.getMessage());
    }

    @ParameterizedTest(name = "{0} = {1} micro-dollars")
    @CsvSource({
        "1.25, 1250000", "$0.000045, 45", "100, 100000000", "0.625, 625000", "-3, -3000000",
        "1_000.5, 1000500000", "0.000001, 1"})
    void micros_parsesDollarsExactly(String text, long micros) {
        assertEquals(micros, Units.micros(text));
    }

    @Test
    void micros_rejectsSubMicroAmount() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Units.micros("0.0000001"));
        assertTrue(error.getMessage().contains("more than six decimal places"),
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,25", "1.2.3", "", "USD 1", "1e3"})
    void micros_rejectsNonDecimal(String text) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Units.micros(text));
        assertTrue(error.getMessage().startsWith("invalid amount"), error.getMessage());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"200, 200", "10_000_000, 10000000", "0, 0", "1_0, 10", "-7, -7"})
    void count_acceptsUnderscoreSeparators(String text, long count) {
        assertEquals(BigInteger.valueOf(count), Units.count(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2,000", "1__0", "_10", "10_", "--1", "1.5", "1e3"})
    void count_rejectsBadText(String text) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Units.count(text));
        assertTrue(error.getMessage().startsWith("invalid count '" + text + "'"),
                error.getMessage());
    }

    @Test
    void number_tooLargeForADouble_rejected() {
        // 1 followed by 309 zeros is above Double.MAX_VALUE and once parsed as Infinity.
        String text = "1" + "0".repeat(309);
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Units.number(text));
        assertTrue(error.getMessage().startsWith("out of range: the number '1000"),
                error.getMessage());
        assertTrue(error.getMessage().endsWith("use a smaller number"), error.getMessage());
        assertEquals(Double.MAX_VALUE, Units.number(new java.math.BigDecimal(Double.MAX_VALUE)
                .toPlainString()));
    }

    @Test
    void number_percent_suggestsFraction() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Units.number("5%"));
        assertEquals("invalid number '5%': a percentage; write it as a fraction, such as 0.05"
                + " for 5%", error.getMessage());
    }

    @Test
    void dollars_negative_signBeforeDollarSign() {
        assertEquals("-$50", Formats.dollars(-50_000_000L));
        assertEquals("$1.25", Formats.dollars(1_250_000L));
        assertEquals("$0", Formats.dollars(0));
    }
}
