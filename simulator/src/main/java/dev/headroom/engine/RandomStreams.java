package dev.headroom.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named random streams derived from one scenario seed. A stream's seed depends only on the
 * scenario seed and the stream's name, so the draws of {@code "growth"} stay the same when a
 * scenario changes how many draws {@code "arrivals"} makes.
 *
 * <p>Not thread-safe: streams belong to one simulation run.
 */
public final class RandomStreams {

    private final long seed;
    private final Map<String, RandomStream> streams = new TreeMap<>();

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** Returns the scenario seed the streams derive from. */
    public long seed() {
        return seed;
    }

    /** Returns the stream of this name, creating it on first use. */
    public RandomStream stream(String name) {
        return streams.computeIfAbsent(name, n -> new RandomStream(streamSeed(seed, n)));
    }

    /**
     * Returns a new stream whose seed derives from this stream set's seed, {@code name} and
     * {@code index}, for per-entity streams such as one per user.
     */
    public RandomStream substream(String name, long index) {
        return new RandomStream(RandomStream.mix64(streamSeed(seed, name) + index));
    }

    /** Derives a stream seed from the scenario seed and the UTF-8 bytes of the stream name. */
    static long streamSeed(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return RandomStream.mix64(seed ^ RandomStream.mix64(h));
    }
}
