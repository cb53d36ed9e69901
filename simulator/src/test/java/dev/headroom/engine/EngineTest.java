package dev.headroom.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void run_handlesEventsBeforeEndTimeInOrder() {
        Engine engine = new Engine(8);
        engine.scheduleAt(200, 1, 7);
        engine.scheduleAt(100, 1, 8);
        engine.scheduleAt(500, 1, 9);
        List<String> seen = new ArrayList<>();

        engine.run(500, (e, kind, subject) -> seen.add(e.now() + ":" + subject));

        assertEquals(List.of("100:8", "200:7"), seen);
        assertEquals(500, engine.now());
        assertEquals(2, engine.eventsProcessed());
        assertEquals(1, engine.pendingEvents());
    }

    @Test
    void run_eventsScheduledAtNowRunAfterEarlierTies() {
        Engine engine = new Engine(8);
        engine.scheduleAt(10, 0, 1);
        engine.scheduleAt(10, 0, 2);
        List<Integer> seen = new ArrayList<>();

        engine.run(100, (e, kind, subject) -> {
            seen.add(subject);
            if (subject == 1) {
                e.scheduleAfter(0, 0, 3);
            }
        });

        assertEquals(List.of(1, 2, 3), seen);
    }

    @Test
    void stop_leavesClockAtLastEvent() {
        Engine engine = new Engine(8);
        for (int i = 1; i <= 5; i++) {
            engine.scheduleAt(i * 10L, 0, i);
        }

        engine.run(1_000, (e, kind, subject) -> {
            if (subject == 3) {
                e.stop();
            }
        });

        assertEquals(30, engine.now());
        assertEquals(3, engine.eventsProcessed());
        assertEquals(2, engine.pendingEvents());
    }

    @Test
    void scheduleAt_pastTimeThrows() {
        Engine engine = new Engine(8);
        engine.run(50, (e, kind, subject) -> { });

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engine.scheduleAt(49, 0, 0));
        assertEquals("cannot schedule an event at 49 ms, before the current time 50 ms",
                e.getMessage());
    }

    @Test
    void run_sameSeedGivesSameTrace() {
        assertEquals(trace(7), trace(7));
    }

    /** Runs a self-scheduling random process and returns the handled (time, subject) pairs. */
    private static List<String> trace(long seed) {
        RandomStreams streams = new RandomStreams(seed);
        RandomStream delays = streams.stream("delays");
        Engine engine = new Engine(4);
        for (int subject = 0; subject < 20; subject++) {
            engine.scheduleAt(delays.nextInt(100), 0, subject);
        }
        List<String> seen = new ArrayList<>();
        engine.run(SimTime.MINUTE, (e, kind, subject) -> {
            seen.add(e.now() + ":" + subject);
            e.scheduleAfter(delays.nextInt(1_000), kind, subject);
        });
        return seen;
    }
}
