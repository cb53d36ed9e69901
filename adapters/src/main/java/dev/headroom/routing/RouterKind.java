package dev.headroom.routing;

import java.util.Locale;

/** The routers a configuration can name, and a factory for each. */
public enum RouterKind {
    /** {@link CharSumRouter}, the scaling plan's router. */
    CHAR_SUM,
    /** {@link Sha256PrefixRouter}. */
    SHA256_PREFIX,
    /** {@link JumpHashRouter}. */
    JUMP,
    /** {@link SlotTableRouter}, the recommended router. */
    SLOT_TABLE,
    /** {@link RendezvousRouter}. */
    RENDEZVOUS,
    /** {@link RingRouter} with {@value #RING_VIRTUAL_NODES} virtual nodes per shard. */
    RING;

    /** Virtual nodes per shard of the {@link #RING} router. */
    public static final int RING_VIRTUAL_NODES = 160;

    /** Creates a router of this kind over {@code shardCount} shards. */
    public ShardRouter create(int shardCount) {
        return switch (this) {
            case CHAR_SUM -> new CharSumRouter(shardCount);
            case SHA256_PREFIX -> new Sha256PrefixRouter(shardCount);
            case JUMP -> new JumpHashRouter(shardCount);
            case SLOT_TABLE -> new SlotTableRouter(shardCount);
            case RENDEZVOUS -> new RendezvousRouter(shardCount);
            case RING -> new RingRouter(shardCount, RING_VIRTUAL_NODES);
        };
    }

    /** Returns the name used in configuration files, such as {@code char-sum}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
