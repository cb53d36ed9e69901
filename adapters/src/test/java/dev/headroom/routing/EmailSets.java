package dev.headroom.routing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.LinkedHashSet;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;

/** Generators of single emails and of reproducible sets of distinct emails for router tests. */
final class EmailSets {

    private static final String LOCAL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789._+-!'";
    private static final String[] DOMAINS = {
        "gmail.com", "example.org", "acme-corp.com", "university.edu", "mail.co.uk", "tëst.de"
    };

    private EmailSets() {
    }

    /** Emails with ASCII punctuation, digits, and sometimes non-ASCII letters in the local part. */
    static Gen<String> emails() {
        Gen<String> local = strings().basicLatinAlphabet().ofLengthBetween(1, 64);
        Gen<String> unicode = strings().betweenCodePoints(0xA1, 0x2FFF).ofLengthBetween(1, 12);
        Gen<Integer> domain = integers().between(0, DOMAINS.length - 1);
        return local.zip(unicode, domain, (ascii, other, index) ->
                ascii + (ascii.length() % 3 == 0 ? other : "") + "@" + DOMAINS[index]);
    }

    /** Returns {@code count} distinct realistic emails drawn from a generator seeded with seed. */
    static String[] distinct(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LinkedHashSet<String> emails = new LinkedHashSet<>();
        while (emails.size() < count) {
            int length = 3 + random.nextInt(28);
            StringBuilder local = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                local.append(LOCAL_CHARS.charAt(random.nextInt(26 + 10 + (i > 0 ? 6 : 0))));
            }
            emails.add(local + "@" + DOMAINS[random.nextInt(DOMAINS.length)]);
        }
        return emails.toArray(new String[0]);
    }
}
