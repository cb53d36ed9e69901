package dev.headroom.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The plan's alternative router: the first 8 hex digits of the SHA-256 of the UTF-8 key, read as
 * an unsigned 32-bit number, modulo the shard count ({@code parseInt(hex.substring(0, 8), 16) %
 * N} in JavaScript).
 */
public final class Sha256PrefixRouter implements ShardRouter {

    private static final ThreadLocal<MessageDigest> DIGEST =
            ThreadLocal.withInitial(Sha256PrefixRouter::newDigest);

    private final int shardCount;

    public Sha256PrefixRouter(int shardCount) {
        this.shardCount = Routers.requirePositive(shardCount);
    }

    @Override
    public int route(String key) {
        byte[] hash = DIGEST.get().digest(key.getBytes(StandardCharsets.UTF_8));
        long prefix = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16)
                | ((hash[2] & 0xFFL) << 8) | (hash[3] & 0xFFL);
        return (int) (prefix % shardCount);
    }

    @Override
    public int shardCount() {
        return shardCount;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
