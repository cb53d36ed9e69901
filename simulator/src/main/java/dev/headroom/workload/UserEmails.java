package dev.headroom.workload;

import dev.headroom.engine.RandomStream;
import dev.headroom.engine.RandomStreams;

/**
 * Synthetic email addresses, the ledger's user keys. Routers that hash the address (such as a sum
 * of character codes) see addresses of varied length and letters, as real ones are, instead of a
 * numbered pattern. Each address derives from the scenario seed and the user index alone, so
 * nothing is stored per user. Domains are the reserved example domains of RFC 2606.
 */
public final class UserEmails {

    private static final String[] DOMAINS = {"example.com", "example.org", "example.net"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final int MIN_LOCAL_LENGTH = 4;
    private static final int MAX_LOCAL_LENGTH = 12;

    private final RandomStreams streams;

    /** Creates the generator for one run's streams; it uses substreams named {@code emails}. */
    public UserEmails(RandomStreams streams) {
        this.streams = streams;
    }

    /**
     * Returns user {@code user}'s address: letters, the user index in decimal (which makes every
     * address unique), and an example domain.
     */
    public String emailOf(int user) {
        RandomStream stream = streams.substream("emails", user);
        int length = MIN_LOCAL_LENGTH + stream.nextInt(MAX_LOCAL_LENGTH - MIN_LOCAL_LENGTH + 1);
        StringBuilder email = new StringBuilder(length + 20);
        for (int i = 0; i < length; i++) {
            email.append(LETTERS.charAt(stream.nextInt(LETTERS.length())));
        }
        email.append('.').append(user).append('@');
        email.append(DOMAINS[stream.nextInt(DOMAINS.length)]);
        return email.toString();
    }
}
