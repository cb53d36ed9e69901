package dev.headroom.bench;

import java.util.SplittableRandom;

/**
 * Realistic, reproducible email addresses for router benchmarks and distribution reports: local
 * parts of 3 to 30 characters built from name-like syllables, digits, dots, plus tags and
 * underscores, on a mix of common and company domains.
 */
public final class Emails {

    private static final String[] SYLLABLES = {
        "an", "be", "ka", "ri", "to", "mo", "el", "sa", "jo", "lu", "ne", "vi", "da", "or", "mi",
        "ch", "st", "son", "ley", "ton", "ra", "ju", "li", "pe"
    };
    private static final String[] DOMAINS = {
        "gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "example.org",
        "acme-corp.com", "university.edu", "startup.io", "mail.co.uk"
    };

    private Emails() {
    }

    /** Returns {@code count} distinct addresses drawn from a generator seeded with {@code seed}. */
    public static String[] generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.LinkedHashSet<String> emails = new java.util.LinkedHashSet<>();
        while (emails.size() < count) {
            emails.add(one(random));
        }
        return emails.toArray(new String[0]);
    }

    private static String one(SplittableRandom random) {
        StringBuilder local = new StringBuilder();
        int syllables = 2 + random.nextInt(7);
        for (int i = 0; i < syllables; i++) {
            local.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            int separator = random.nextInt(12);
            if (separator == 0 && i + 1 < syllables) {
                local.append('.');
            } else if (separator == 1 && i + 1 < syllables) {
                local.append('_');
            }
        }
        if (random.nextInt(3) == 0) {
            local.append(random.nextInt(1000));
        }
        if (random.nextInt(10) == 0) {
            local.append('+').append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        String truncated = local.length() > 30 ? local.substring(0, 30) : local.toString();
        return truncated + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    }
}
