package dev.headroom.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The SHA-256 prefix router matches the plan's {@code parseInt(hex.substring(0, 8), 16) % N}. */
class Sha256PrefixRouterTest {

    @Test
    void readsFirstEightHexDigits() {
        // SHA-256("a@b.co") starts 80305c9b, and 0x80305c9b = 2,150,653,083 is above 2^31, so
        // it must be read unsigned. 2,150,653,083 % 5 = 3 because it ends in 3, and
        // 2,150,653,083 = 7 x 307,236,154 + 5, so % 7 = 5.
        assertEquals(3, new Sha256PrefixRouter(5).route("a@b.co"));
        assertEquals(5, new Sha256PrefixRouter(7).route("a@b.co"));
    }

    @Test
    void hashesTheUtf8Bytes() {
        // The SHA-256 of the UTF-8 bytes of "j\u00f6e@t\u00ebst.de" starts 2d8f0ff2, and
        // 0x2d8f0ff2 = 764,350,450 = 7 x 109,192,921 + 3, so % 7 = 3. Its UTF-16 bytes would
        // give 0x3a4b953b = 978,031,931 instead, and 978,031,931 % 7 = 2.
        assertEquals(3, new Sha256PrefixRouter(7).route("j\u00f6e@t\u00ebst.de"));
    }
}
