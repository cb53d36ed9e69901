package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
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
}
