package dev.headroom.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets how much the CLI logs; Logback's configuration starts at warnings only. */
final class Logging {

    private static volatile boolean verbose;

    private Logging() {
    }

    /** Turns on the starts, stops and phase changes of runs (INFO) and loading details. */
    static void setVerbose(boolean on) {
        verbose = on;
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(on ? Level.DEBUG : Level.WARN);
    }

    static boolean verbose() {
        return verbose;
    }
}
