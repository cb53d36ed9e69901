package dev.headroom.routing;

/**
 * Rendezvous (highest random weight) hashing: each shard gets a weight mixed from the key's hash
 * and the shard's index, and the key goes to the heaviest shard. Adding a shard moves only the
 * keys it now wins, about {@code 1/(N+1)} of them. Cost grows linearly with the shard count.
 *
 * <p>Thaler and Ravishankar, "A Name-Based Mapping Scheme for Rendezvous" (1996).
 */
public final class RendezvousRouter implements ShardRouter {

    private static final long SHARD_SALT = 0x9E3779B97F4A7C15L;

    private final int shardCount;

    public RendezvousRouter(int shardCount) {
        this.shardCount = Routers.requirePositive(shardCount);
    }

    @Override
    public int route(String key) {
        long keyHash = StringHash64.hash(key);
        int best = 0;
        long bestWeight = Long.MIN_VALUE;
        for (int shard = 0; shard < shardCount; shard++) {
            long weight = StringHash64.mix(keyHash ^ ((shard + 1) * SHARD_SALT));
            if (weight > bestWeight) {
                bestWeight = weight;
                best = shard;
            }
        }
        return best;
    }

    @Override
    public int shardCount() {
        return shardCount;
    }
}
