package dev.headroom.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Compares the event queue with a plain priority queue ordered by (time, sequence) over long
 * random runs whose spacing changes abruptly. The runs lay years of new widths, place events
 * into the sorted bottom and lay out the whole queue again.
 */
class EventQueueDifferentialTest {

    private record Expected(long time, long sequence, int subject)
            implements Comparable<Expected> {
        @Override
        public int compareTo(Expected other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    @Test
    void matchesReferenceOrderAcrossGrowthAndShrink() {
        SplittableRandom random = new SplittableRandom(7);
        EventQueue queue = new EventQueue(4);
        PriorityQueue<Expected> reference = new PriorityQueue<>();
        long sequence = 0;
        long now = 0;
        int subject = 0;
        for (int phase = 0; phase < 6; phase++) {
            long spread = phase % 2 == 0 ? 5 : 50_000_000L;
            int additions = phase < 3 ? 20_000 : 2_000;
            for (int i = 0; i < additions; i++) {
                long time = now + (random.nextInt(4) == 0 ? 0 : random.nextLong(spread));
                queue.add(time, phase, subject);
                reference.add(new Expected(time, sequence++, subject++));
                if (random.nextBoolean() && !reference.isEmpty()) {
                    now = pollBoth(queue, reference);
                }
            }
            int removals = reference.size() * 3 / 4;
            for (int i = 0; i < removals; i++) {
                now = pollBoth(queue, reference);
            }
        }
        while (!reference.isEmpty()) {
            pollBoth(queue, reference);
        }
        assertEquals(0, queue.size());
    }

    @Test
    void matchesReferenceOrderUnderHoldWithChangingScale() {
        SplittableRandom random = new SplittableRandom(11);
        EventQueue queue = new EventQueue(16);
        PriorityQueue<Expected> reference = new PriorityQueue<>();
        long sequence = 0;
        int subject = 0;
        for (int i = 0; i < 3_000; i++) {
            long time = (long) (-1_000_000 * Math.log(1 - random.nextDouble()));
            queue.add(time, 0, subject);
            reference.add(new Expected(time, sequence++, subject++));
        }
        double[] meanHolds = {1_000_000, 50, 1_000_000_000, 3_000};
        for (double meanHold : meanHolds) {
            for (int i = 0; i < 60_000; i++) {
                long now = pollBoth(queue, reference);
                long hold = (long) (-meanHold * Math.log(1 - random.nextDouble()));
                long time = random.nextInt(5) == 0 ? now : now + hold / 100 * 100;
                queue.add(time, 1, subject);
                reference.add(new Expected(time, sequence++, subject++));
            }
        }
        while (!reference.isEmpty()) {
            pollBoth(queue, reference);
        }
        assertEquals(0, queue.size());
    }

    @Test
    void matchesReferenceOrderOverExtremeTimeSpans() {
        SplittableRandom random = new SplittableRandom(13);
        EventQueue queue = new EventQueue(16);
        PriorityQueue<Expected> reference = new PriorityQueue<>();
        long sequence = 0;
        long[] anchors = {0, 1L << 40, 1L << 61, Long.MAX_VALUE - 1_000};
        for (int subject = 0; subject < 20_000; subject++) {
            long anchor = anchors[random.nextInt(anchors.length)];
            long time = anchor + random.nextInt(1_000);
            queue.add(time, 0, subject);
            reference.add(new Expected(time, sequence++, subject));
        }
        while (!reference.isEmpty()) {
            pollBoth(queue, reference);
        }
        assertEquals(0, queue.size());
    }

    @Test
    void equalTimesLeaveInInsertionOrderAfterRebuilds() {
        EventQueue queue = new EventQueue(2);
        for (int subject = 0; subject < 5_000; subject++) {
            queue.add(1_000, 0, subject);
        }
        for (int expected = 0; expected < 5_000; expected++) {
            queue.poll();
            assertEquals(expected, queue.polledSubject(), "subject at position " + expected);
        }
    }

    @Test
    void addingBeforeLastRemovedTimeIsRejected() {
        EventQueue queue = new EventQueue(2);
        queue.add(500, 0, 1);
        queue.poll();
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> queue.add(499, 0, 2));
        assertEquals("event time 499 ms is before the last removed event at 500 ms",
                error.getMessage());
    }

    @Test
    void peekDoesNotHideEventsAddedAtTheCurrentTime() {
        EventQueue queue = new EventQueue(2);
        queue.add(10, 0, 1);
        queue.poll();
        queue.add(1_000_000_000L, 0, 2);
        assertEquals(1_000_000_000L, queue.peekTime());
        queue.add(10, 0, 3);
        assertEquals(10, queue.peekTime());
        queue.poll();
        assertEquals(3, queue.polledSubject());
    }

    private static long pollBoth(EventQueue queue, PriorityQueue<Expected> reference) {
        Expected expected = reference.poll();
        assertEquals(expected.time(), queue.peekTime(), "peeked time");
        queue.poll();
        assertEquals(expected.time(), queue.polledTime(), "time of subject " + expected.subject());
        assertEquals(expected.subject(), queue.polledSubject(), "subject at " + expected.time());
        assertEquals(reference.size(), queue.size(), "size");
        return expected.time();
    }
}
