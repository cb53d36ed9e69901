package dev.headroom.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects every log event of the JVM (the root logger at its configured levels) while it is
 * open, so that a test can check what the adapters logged. Each line is the formatted message,
 * followed by the class and message of its exception and of every cause.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture() {
        appender.setName("log-capture");
        appender.start();
        root.addAppender(appender);
    }

    /** Starts collecting. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** Returns the lines logged so far, at level WARN and above only if {@code warnings}. */
    public List<String> lines(boolean warnings) {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events) {
            if (warnings && !event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)) {
                continue;
            }
            StringBuilder line = new StringBuilder(event.getLevel() + " "
                    + event.getLoggerName() + " - " + event.getFormattedMessage());
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null;
                    cause = cause.getCause()) {
                line.append(" | ").append(cause.getClassName()).append(": ")
                        .append(cause.getMessage());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Returns every line logged so far. */
    public List<String> lines() {
        return lines(false);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
