package dev.headroom.cli;

import dev.headroom.run.RunProgress;
import java.io.PrintStream;

/**
 * A progress bar on stderr for long runs. It stays silent for the first two seconds of wall
 * time, so short runs print nothing, and it redraws at most ten times a second. The caller
 * creates it only when stderr is a terminal. Wall time here paces the display only; the
 * simulation never reads it.
 */
final class ProgressBar implements RunProgress {

    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 40;

    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private boolean drawn;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void dayClosed(int day, int days) {
        long now = System.nanoTime();
        boolean last = day + 1 == days;
        if (now - startNanos < QUIET_NANOS || (!last && now - lastDrawNanos < REDRAW_NANOS)) {
            return;
        }
        lastDrawNanos = now;
        int filled = (int) ((long) WIDTH * (day + 1) / days);
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] day "
                + (day + 1) + " of " + days);
        out.flush();
        drawn = true;
    }

    /** Ends the bar's line, if it drew one. */
    void finish() {
        if (drawn) {
            out.println();
        }
    }

    /** Returns whether stderr is a terminal, as the launcher script reports it. */
    static boolean stderrIsTerminal() {
        String flag = System.getProperty("headroom.stderr.tty");
        if (flag != null) {
            return Boolean.parseBoolean(flag);
        }
        return System.console() != null;
    }
}
