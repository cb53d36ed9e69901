package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The message for a run that exhausts the Java heap, and the stack trace under --verbose. */
class OutOfMemoryTest {

    @CommandLine.Command(name = "exhaust")
    static final class ExhaustsHeap implements Runnable {
        @Override
        public void run() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void outOfMemory_oneMessage_exitTwo() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ExhaustsHeap());
        commandLine.setErr(new PrintWriter(err, true));

        int code = Main.executeWithinHeap(commandLine, new String[0], false);

        assertEquals(Main.EXIT_BAD_INPUT, code);
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err::toString);
        assertTrue(lines.get(0).startsWith("headroom: the run needs more memory than the Java"
                + " heap's "), lines.get(0));
        assertTrue(lines.get(0).contains("JAVA_OPTS=-Xmx8g"), lines.get(0));
        assertTrue(lines.get(0).contains("users, horizon or workbooks"), lines.get(0));
    }

    @Test
    void outOfMemory_verbose_printsStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ExhaustsHeap());
        commandLine.setErr(new PrintWriter(err, true));

        Main.executeWithinHeap(commandLine, new String[0], true);

        assertTrue(err.toString().contains("java.lang.OutOfMemoryError: Java heap space"),
                err::toString);
    }

    @Test
    void outOfMemory_logged() {
        Logger logger = (Logger) LoggerFactory.getLogger(Main.class);
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try {
            CommandLine commandLine = new CommandLine(new ExhaustsHeap());
            commandLine.setErr(new PrintWriter(new StringWriter(), true));
            commandLine.setUnmatchedArgumentsAllowed(true);
            Main.executeWithinHeap(commandLine, new String[] {"run"}, false);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }

        List<String> messages = appender.list.stream()
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).startsWith("Command 'run' ran out of the Java heap of "),
                messages.get(0));
    }
}
