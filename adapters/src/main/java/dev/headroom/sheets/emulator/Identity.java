package dev.headroom.sheets.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The user a request counts against: the bearer token of its Authorization header, or one
 * shared anonymous identity when it has none. Logs show only {@link #fingerprint()}, never the
 * token.
 *
 * @param name the bearer token, or {@code anonymous}
 */
record Identity(String name) {

    static final Identity ANONYMOUS = new Identity("anonymous");

    private static final String BEARER = "bearer ";

    /** Returns the identity of an Authorization header value, which may be null. */
    static Identity of(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return ANONYMOUS;
        }
        return new Identity(authorization.substring(BEARER.length()).trim());
    }

    /** Returns the first 12 hex digits of the token's SHA-256, safe to log. */
    String fingerprint() {
        if (this.equals(ANONYMOUS)) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8));
            return "token-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK provides SHA-256", impossible);
        }
    }
}
