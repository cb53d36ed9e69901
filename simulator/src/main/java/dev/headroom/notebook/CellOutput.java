package dev.headroom.notebook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The text that a cell prints to {@code System.out} and {@code System.err}, with a shared limit
 * on its size, so that a cell that prints without end fails instead of filling the heap.
 *
 * <p>Bytes past the limit are dropped, and the first of them calls the given action once.
 * Thread-safe: JShell writes from its output thread while the session drains between cells.
 */
final class CellOutput {

    /** Maximum bytes a cell may print to its two streams together. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final int maxBytes;
    private final Runnable onOverflow;
    private boolean overflowed;

    /**
     * Creates the buffers.
     *
     * @param maxBytes the limit on the bytes of both streams together
     * @param onOverflow called once, on the writing thread, when a write passes the limit
     */
    CellOutput(int maxBytes, Runnable onOverflow) {
        this.maxBytes = maxBytes;
        this.onOverflow = onOverflow;
    }

    /** Returns the stream that collects the cell's {@code System.out}. */
    OutputStream stdout() {
        return new Collector(stdout);
    }

    /** Returns the stream that collects the cell's {@code System.err}. */
    OutputStream stderr() {
        return new Collector(stderr);
    }

    /** Returns the limit on the bytes of both streams together. */
    int maxBytes() {
        return maxBytes;
    }

    /** Returns how many more bytes the cell may print, or a value may take, within the limit. */
    synchronized int room() {
        return Math.max(0, maxBytes - stdout.size() - stderr.size());
    }

    /** Returns whether the cell printed more than the limit since the last {@link #reset()}. */
    synchronized boolean overflowed() {
        return overflowed;
    }

    /** Returns and clears what the cell printed to {@code System.out}. */
    synchronized String drainStdout() {
        return drain(stdout);
    }

    /** Returns and clears what the cell printed to {@code System.err}. */
    synchronized String drainStderr() {
        return drain(stderr);
    }

    /** Clears both streams and the overflow, for the next cell. */
    synchronized void reset() {
        stdout.reset();
        stderr.reset();
        overflowed = false;
    }

    private synchronized void write(ByteArrayOutputStream target, byte[] bytes, int offset,
            int length) {
        int room = maxBytes - stdout.size() - stderr.size();
        target.write(bytes, offset, Math.max(0, Math.min(room, length)));
        if (length > room && !overflowed) {
            overflowed = true;
            onOverflow.run();
        }
    }

    private static String drain(ByteArrayOutputStream buffer) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        return text;
    }

    /** Forwards writes to one of the buffers under the shared limit. */
    private final class Collector extends OutputStream {

        private final ByteArrayOutputStream target;

        Collector(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            CellOutput.this.write(target, bytes, offset, length);
        }
    }
}
