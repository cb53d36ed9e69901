package dev.headroom.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the warnings that one class logs while a test step runs. */
public final class Warnings {

    /** A test step that may throw. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private Warnings() {
    }

    /** Runs {@code step} and returns the formatted WARN messages that {@code source} logged. */
    public static List<String> loggedBy(Class<?> source, Step step) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            step.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
