package dev.headroom.routing;

/**
 * Jump consistent hash over {@link StringHash64}: growing from N to N+1 shards moves about
 * {@code 1/(N+1)} of the keys, all of them to the new shard.
 *
 * <p>Algorithm from Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm"
 * (2014), https://arxiv.org/abs/1406.2294. Shards can only be added or removed at the end.
 */
public final class JumpHashRouter implements ShardRouter {

    private static final long LCG_MULTIPLIER = 2862933555777941757L;

    private final int shardCount;

    public JumpHashRouter(int shardCount) {
        this.shardCount = Routers.requirePositive(shardCount);
    }

    @Override
    public int route(String key) {
        return jump(StringHash64.hash(key), shardCount);
    }

    /** Returns the jump-hash bucket of a 64-bit key among {@code buckets} buckets. */
    public static int jump(long key, int buckets) {
        long k = key;
        long bucket = -1;
        long next = 0;
        while (next < buckets) {
            bucket = next;
            k = k * LCG_MULTIPLIER + 1;
            next = (long) ((bucket + 1) * ((double) (1L << 31) / (double) ((k >>> 33) + 1)));
        }
        return (int) bucket;
    }

    @Override
    public int shardCount() {
        return shardCount;
    }
}
