package dev.headroom.ledger;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LedgerArgumentsTest {

    @Test
    void requireWellFormed_arabicDefaultLocale_asciiPosition() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-SA"));
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> LedgerArguments.requireWellFormed("gpt-\uD800", "model"));
            assertTrue(error.getMessage().contains("U+D800 at index 4"), error.getMessage());
        } finally {
            Locale.setDefault(before);
        }
    }
}
