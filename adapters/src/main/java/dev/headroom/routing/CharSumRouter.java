package dev.headroom.routing;

/**
 * The scaling plan's router: the sum of the key's UTF-16 code units, modulo the shard count.
 *
 * <p>It matches JavaScript's {@code email.split('').reduce((s, c) => s + c.charCodeAt(0), 0)
 * % N}. Anagrams always share a shard, and keys of similar length crowd into a narrow band of
 * sums, so the spread depends on the shard count.
 */
public final class CharSumRouter implements ShardRouter {

    private final int shardCount;

    public CharSumRouter(int shardCount) {
        this.shardCount = Routers.requirePositive(shardCount);
    }

    @Override
    public int route(String key) {
        long sum = 0;
        for (int i = 0; i < key.length(); i++) {
            sum += key.charAt(i);
        }
        return (int) (sum % shardCount);
    }

    @Override
    public int shardCount() {
        return shardCount;
    }
}
