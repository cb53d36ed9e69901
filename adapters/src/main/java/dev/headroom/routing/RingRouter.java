package dev.headroom.routing;

import java.util.Arrays;

/**
 * Consistent-hash ring with virtual nodes: each shard owns {@code virtualNodes} points on a
 * 64-bit ring, and a key goes to the owner of the first point at or after its hash, wrapping
 * around. More virtual nodes give a more even spread at the cost of memory.
 *
 * <p>Karger et al., "Consistent Hashing and Random Trees" (STOC 1997).
 */
public final class RingRouter implements ShardRouter {

    /** Maximum number of ring points: the longest Java array, less a margin the JVM may keep. */
    static final int MAX_POINTS = Integer.MAX_VALUE - 8;

    private final int shardCount;
    private final long[] points;
    private final int[] owners;

    public RingRouter(int shardCount, int virtualNodes) {
        this.shardCount = Routers.requirePositive(shardCount);
        Routers.requirePositive(virtualNodes);
        long pointCount = (long) shardCount * virtualNodes;
        if (pointCount > MAX_POINTS) {
            throw new IllegalArgumentException(shardCount + " shards of " + virtualNodes
                    + " virtual nodes make " + pointCount + " ring points, more than "
                    + MAX_POINTS + "; use fewer shards or virtual nodes");
        }
        int size = (int) pointCount;
        long[][] pairs = new long[size][];
        for (int shard = 0; shard < shardCount; shard++) {
            for (int v = 0; v < virtualNodes; v++) {
                long point = StringHash64.hash("shard-" + shard + "#" + v);
                pairs[shard * virtualNodes + v] = new long[] {point, shard};
            }
        }
        Arrays.sort(pairs, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        points = new long[size];
        owners = new int[size];
        for (int i = 0; i < size; i++) {
            points[i] = pairs[i][0];
            owners[i] = (int) pairs[i][1];
        }
    }

    @Override
    public int route(String key) {
        int index = Arrays.binarySearch(points, StringHash64.hash(key));
        if (index < 0) {
            index = -index - 1;
        }
        return owners[index == points.length ? 0 : index];
    }

    @Override
    public int shardCount() {
        return shardCount;
    }
}
