package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class TabTitlesTest {

    private static final long SEED = 20_261_201L;

    /**
     * Characters of generated local parts: letters of both cases, digits, the punctuation that
     * emails allow, quotes, characters that titles forbid, controls, spaces and non-ASCII letters
     * including a surrogate pair.
     */
    private static final List<String> LOCAL_CHARACTERS = List.of(
            "a", "b", "z", "A", "Q", "Z", "0", "7", ".", "_", "-", "+", "!", "\"", "'", "~",
            "/", "\\", "?", "*", ":", "[", "]", " ", "\t", "\u0000", "\u007f", "é", "É", "ß",
            "ü", "中", "д", "\u200b", "\uD83D\uDE00", "%", "#", "=", "@");

    private static final List<String> DOMAINS = List.of(
            "example.com", "EXAMPLE.com", "mail.example.org", "bücher.de", "x.io", "例え.jp");

    private static Gen<String> localParts() {
        Gen<String> shortParts = lists().of(Generate.pick(LOCAL_CHARACTERS))
                .ofSizeBetween(1, 12).map(TabTitlesTest::join);
        Gen<String> longParts = lists().of(Generate.pick(LOCAL_CHARACTERS))
                .ofSizeBetween(60, 260).map(TabTitlesTest::join);
        return shortParts.mix(longParts, 30);
    }

    private static Gen<String> emails() {
        return localParts().zip(Generate.pick(DOMAINS), (local, domain) -> local + "@" + domain);
    }

    private static String join(List<String> parts) {
        return String.join("", parts);
    }

    @Test
    void titleAlwaysValid() {
        qt().withFixedSeed(SEED).withExamples(5_000).forAll(emails())
                .check(email -> TabTitles.isUserTitle(TabTitles.forEmail(email)));
    }

    @Test
    void titlesInjectiveIgnoringCase() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(lists().of(emails()).ofSizeBetween(2, 200))
                .check(TabTitlesTest::distinctEmailsGetDistinctTitles);
    }

    @Test
    void variantsOfOneEmailGetDistinctTitles() {
        qt().withFixedSeed(SEED).withExamples(2_000).forAll(emails())
                .check(email -> distinctEmailsGetDistinctTitles(variantsOf(email)));
    }

    @Test
    void plainEmailIsItsOwnTitle() {
        String email = "alice.smith+llm@example.com";

        assertEquals(email, TabTitles.forEmail(email));
    }

    @Test
    void upperCaseEmailGetsHashSuffix() {
        String title = TabTitles.forEmail("Alice@Example.com");

        assertTrue(title.startsWith("alice@example.com~"), title);
        assertEquals("alice@example.com".length() + 1 + TabTitles.HASH_LENGTH, title.length());
        assertNotEquals(TabTitles.comparable(title),
                TabTitles.comparable(TabTitles.forEmail("alice@example.com")));
    }

    @Test
    void forbiddenCharactersReplaced() {
        String title = TabTitles.forEmail("a/b\\c?d*e:f[g]h'i\"j!k@example.com");

        assertTrue(title.startsWith("a_b_c_d_e_f_g_h_i_j_k@example.com~"), title);
        assertTrue(TabTitles.isValid(title), title);
    }

    @Test
    void longEmailsSharingPrefixDiffer() {
        String prefix = "x".repeat(150);
        String first = TabTitles.forEmail(prefix + "1@example.com");
        String second = TabTitles.forEmail(prefix + "2@example.com");

        assertEquals(TabTitles.MAX_LENGTH, first.length());
        assertEquals(TabTitles.MAX_LENGTH, second.length());
        assertNotEquals(first, second);
    }

    @Test
    void exactlyMaxLengthStaysReadable() {
        String email = "y".repeat(TabTitles.MAX_LENGTH - "@x.io".length()) + "@x.io";

        assertEquals(email, TabTitles.forEmail(email));
        assertTrue(TabTitles.forEmail(email + "m").contains("~"));
    }

    @Test
    void excelReservedNameAvoided() {
        String title = TabTitles.forEmail("history");

        assertTrue(title.startsWith("history~"), title);
        assertTrue(TabTitles.isValid(title), title);
    }

    @Test
    void emailWithoutAtGetsHashSuffix() {
        String title = TabTitles.forEmail("sheet1");

        assertTrue(title.startsWith("sheet1~"), title);
        assertTrue(TabTitles.isUserTitle(title), title);
    }

    @Test
    void emptyEmailRejected() {
        assertThrows(IllegalArgumentException.class, () -> TabTitles.forEmail(""));
    }

    @Test
    void validityRules() {
        assertTrue(TabTitles.isValid("Usage log"));
        assertFalse(TabTitles.isUserTitle("Usage log"));
        assertFalse(TabTitles.isUserTitle("Sheet1"));
        assertFalse(TabTitles.isValid(""));
        assertFalse(TabTitles.isValid("z".repeat(TabTitles.MAX_LENGTH + 1)));
        assertFalse(TabTitles.isValid("a:b"));
        assertFalse(TabTitles.isValid("line\nbreak"));
        assertFalse(TabTitles.isValid("History"));
    }

    private static boolean distinctEmailsGetDistinctTitles(List<String> emails) {
        Set<String> distinctEmails = new HashSet<>(emails);
        Set<String> titles = distinctEmails.stream()
                .map(TabTitles::forEmail)
                .map(TabTitles::comparable)
                .collect(Collectors.toSet());
        return titles.size() == distinctEmails.size();
    }

    /** Returns emails that differ from {@code email} in case, punctuation or a late character. */
    private static List<String> variantsOf(String email) {
        return List.of(email, email.toUpperCase(Locale.ROOT),
                email.toLowerCase(Locale.ROOT), email.replace('.', '_'),
                email.replace('!', '?'), email.replace('_', '-'), "x" + email, email + "x",
                email.substring(0, email.length() - 1));
    }
}
