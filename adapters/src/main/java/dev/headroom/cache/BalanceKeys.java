package dev.headroom.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Redis keys of one user: the cached balance and the user's write generation. Both carry the
 * same Redis Cluster hash tag, so they fall in the same slot and one script can use both.
 *
 * <p>The tag is the lowercase hex SHA-256 of the email's UTF-8 bytes, not the email itself.
 * Redis hashes only the text between the first '{' and the next '}', so an email with a '}' in
 * its local part (legal in RFC 5322) would end the tag early or leave it empty. The hex digest
 * never contains a brace and is never empty, and {@link CacheSettings} rejects a key prefix
 * with a brace, so the tag is always the digest.
 */
record BalanceKeys(String balance, String generation) {

    static BalanceKeys of(String prefix, String email) {
        String tag = "{" + emailDigest(email) + "}";
        return new BalanceKeys(prefix + "balance:" + tag, prefix + "generation:" + tag);
    }

    /** Returns the lowercase hex SHA-256 of the email's UTF-8 bytes, 64 characters. */
    static String emailDigest(String email) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(email.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256, which every Java platform"
                    + " must provide", e);
        }
    }
}
