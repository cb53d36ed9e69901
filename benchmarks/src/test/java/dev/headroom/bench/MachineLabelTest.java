package dev.headroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The report's header names the machine that produced it. */
class MachineLabelTest {

    @Test
    void labelNamesCoresAndSystem() {
        String label = MachineLabel.describe();
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(label.startsWith("Measured on: "), label);
        assertTrue(label.contains(", " + cores + " cores, "), label);
        assertTrue(label.contains(System.getProperty("os.name")), label);
        assertTrue(label.contains(System.getProperty("os.arch")), label);
    }

    @Test
    void unreadableCpuInfoIsLogged(@TempDir Path folder) {
        Path missing = folder.resolve("cpuinfo");
        Logger logger = (Logger) LoggerFactory.getLogger(MachineLabel.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);

        String model;
        try {
            model = MachineLabel.cpuModel(missing);
        } finally {
            logger.detachAppender(appender);
        }

        assertEquals(MachineLabel.UNKNOWN_PROCESSOR, model);
        assertEquals(1, appender.list.size(), appender.list.toString());
        ILoggingEvent event = appender.list.get(0);
        assertEquals(Level.WARN, event.getLevel());
        assertTrue(event.getFormattedMessage().contains(missing.toString()),
                event.getFormattedMessage());
    }
}
