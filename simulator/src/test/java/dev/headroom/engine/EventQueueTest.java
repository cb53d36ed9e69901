package dev.headroom.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void poll_ordersByTimeThenInsertion() {
        EventQueue queue = new EventQueue(4);
        queue.add(30, 0, 1);
        queue.add(10, 0, 2);
        queue.add(30, 0, 3);
        queue.add(10, 0, 4);
        queue.add(20, 0, 5);
        queue.add(10, 0, 6);

        int[] expectedSubjects = {2, 4, 6, 5, 1, 3};
        long[] expectedTimes = {10, 10, 10, 20, 30, 30};
        for (int i = 0; i < expectedSubjects.length; i++) {
            queue.poll();
            assertEquals(expectedTimes[i], queue.polledTime(), "time of event " + i);
            assertEquals(expectedSubjects[i], queue.polledSubject(), "subject of event " + i);
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void poll_matchesSortedReferenceUnderRandomUse() {
        EventQueue queue = new EventQueue(1);
        PriorityQueue<long[]> reference = new PriorityQueue<>(
                Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        RandomStream random = new RandomStream(42);
        long sequence = 0;
        for (int step = 0; step < 20_000; step++) {
            if (reference.isEmpty() || random.nextInt(3) > 0) {
                long time = random.nextInt(50);
                int kind = random.nextInt(5);
                queue.add(time, kind, (int) sequence);
                reference.add(new long[] {time, sequence, kind});
                sequence++;
            } else {
                long[] expected = reference.poll();
                queue.poll();
                assertEquals(expected[0], queue.polledTime(), "time at step " + step);
                assertEquals(expected[1], queue.polledSubject(), "subject at step " + step);
                assertEquals(expected[2], queue.polledKind(), "kind at step " + step);
            }
            assertEquals(reference.size(), queue.size(), "size at step " + step);
        }
    }

    @Test
    void peekTime_emptyQueueIsMaxValue() {
        EventQueue queue = new EventQueue(0);

        assertEquals(Long.MAX_VALUE, queue.peekTime());
        queue.add(5, 1, 1);
        assertEquals(5, queue.peekTime());
    }

    @Test
    void poll_emptyQueueThrows() {
        EventQueue queue = new EventQueue(0);

        IllegalStateException e = assertThrows(IllegalStateException.class, queue::poll);
        assertEquals("poll on an empty event queue", e.getMessage());
    }
}
