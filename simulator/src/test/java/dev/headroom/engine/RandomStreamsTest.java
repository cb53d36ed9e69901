package dev.headroom.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    @Test
    void stream_sameSeedAndNameGiveSameDraws() {
        long[] first = draws(new RandomStreams(11).stream("growth"), 100);
        long[] second = draws(new RandomStreams(11).stream("growth"), 100);

        assertArrayEquals(first, second);
    }

    @Test
    void stream_drawsOnOneStreamLeaveAnotherUnchanged() {
        RandomStreams quiet = new RandomStreams(11);
        long[] alone = draws(quiet.stream("growth"), 100);

        RandomStreams busy = new RandomStreams(11);
        draws(busy.stream("arrivals"), 5_000);
        RandomStream growth = busy.stream("growth");
        draws(busy.stream("arrivals"), 3);
        long[] interleaved = draws(growth, 100);

        assertArrayEquals(alone, interleaved);
    }

    @Test
    void stream_namesAndSeedsGiveDifferentDraws() {
        long[] growth = draws(new RandomStreams(11).stream("growth"), 10);
        long[] arrivals = draws(new RandomStreams(11).stream("arrivals"), 10);
        long[] otherSeed = draws(new RandomStreams(12).stream("growth"), 10);

        assertFalse(Arrays.equals(growth, arrivals));
        assertFalse(Arrays.equals(growth, otherSeed));
    }

    @Test
    void stream_returnsSameInstanceForName() {
        RandomStreams streams = new RandomStreams(3);

        assertSame(streams.stream("sizes"), streams.stream("sizes"));
    }

    @Test
    void substream_reproducibleAndDistinctPerIndex() {
        RandomStreams streams = new RandomStreams(5);
        long[] user0 = draws(streams.substream("emails", 0), 10);
        long[] user0Again = draws(new RandomStreams(5).substream("emails", 0), 10);
        long[] user1 = draws(streams.substream("emails", 1), 10);
        long[] named = draws(streams.stream("emails"), 10);

        assertArrayEquals(user0, user0Again);
        assertFalse(Arrays.equals(user0, user1));
        assertFalse(Arrays.equals(user0, named));
    }

    @Test
    void substream_namesGiveDifferentDraws() {
        // A substream's seed mixes in its name, so two names at one index draw differently.
        qt().withFixedSeed(7).withExamples(200)
                .forAll(longs().all(), longs().between(0, 1_000_000))
                .check((seed, index) -> !Arrays.equals(
                        draws(new RandomStreams(seed).substream("emails", index), 4),
                        draws(new RandomStreams(seed).substream("rates", index), 4)));
    }

    @Test
    void substream_nextSeedNotShiftedIndex() {
        // Seed s + 1 at index i must not repeat seed s at index i + 1.
        qt().withFixedSeed(7).withExamples(200)
                .forAll(longs().between(-1_000_000, 1_000_000), longs().between(0, 1_000_000))
                .check((seed, index) -> !Arrays.equals(
                        draws(new RandomStreams(seed).substream("emails", index + 1), 4),
                        draws(new RandomStreams(seed + 1).substream("emails", index), 4)));
    }

    private static long[] draws(RandomStream stream, int count) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = stream.nextLong();
        }
        return values;
    }
}
