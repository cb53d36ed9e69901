package dev.headroom.notebook;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JShell execution engine of a notebook: a JVM, started in the notebook's folder, that runs
 * the snippets and connects back to a socket on the loopback address.
 *
 * <p>JShell's own engine starts its JVM in the working directory of this process, which Java
 * cannot change, so relative paths in cells would depend on where the runner was started. This
 * engine starts the JVM itself with that folder as its working directory, as Jupyter starts a
 * kernel in the notebook's folder. The JVM runs {@link CellJvmMain}, which halts it when this
 * process ends. JShell's stop request, which needs a debugger connection, is not supported, so
 * {@link #kill()} ends a cell that must not go on. The JVM gets this process's heap, stack
 * and {@code -XX} options, so that {@code JAVA_OPTS=-Xmx8g} reaches the simulations in cells.
 */
final class CellJvm implements ExecutionControlProvider {

    /** Time the started JVM has to connect back before the session fails to start. */
    private static final long CONNECT_TIMEOUT_MS = 60_000;

    /** Time the JVM has to exit after the session closes before it is killed. */
    private static final long EXIT_WAIT_MS = 1_000;

    /** Time a blocked accept waits before it checks whether the started JVM has exited. */
    private static final int ACCEPT_POLL_MS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(CellJvm.class);

    private final Path workingDirectory;
    private final List<Path> classpath;
    private final ByteArrayOutputStream valueText = new ByteArrayOutputStream();
    private volatile Process process;
    private volatile ExecutionControl control;

    /**
     * Creates an engine whose JVM starts in {@code workingDirectory}, an existing folder.
     *
     * @param classpath the cells' classpath, which the JVM's class loader also gets, so that
     *     a class and the classes it refers to come from the same loader
     */
    CellJvm(Path workingDirectory, List<Path> classpath) {
        this.workingDirectory = workingDirectory.toAbsolutePath();
        this.classpath = List.copyOf(classpath);
    }

    @Override
    public String name() {
        return "headroom-notebook";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters)
            throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            process = start(env.extraRemoteVMOptions(), listener.getLocalPort());
            Socket socket = accept(listener, process);
            Map<String, OutputStream> outputs = Map.of("out", env.userOut(), "err", env.userErr(),
                    CellExecutionControl.VALUE_STREAM, valueText);
            Map<String, InputStream> inputs = Map.of("in", env.userIn());
            control = Util.remoteInputOutput(socket.getInputStream(), socket.getOutputStream(),
                    outputs, inputs, (in, out) -> new StreamingExecutionControl(out, in) {
                        @Override
                        public void close() {
                            super.close();
                            endProcess(socket);
                        }
                    });
            return control;
        }
    }

    /**
     * Returns the whole text of the value that the last evaluated snippet returned, which JShell
     * cuts after {@link CellExecutionControl#RETURNED_CHARS} characters. Call it only between
     * snippets, on the thread that evaluates them.
     *
     * @param maxBytes the maximum size of the text in UTF-8 bytes
     * @return the text, or empty when it takes more than {@code maxBytes}
     * @throws ExecutionControl.ExecutionControlException if the JVM ended or the last snippet
     *     returned no text
     */
    Optional<String> lastValue(int maxBytes) throws ExecutionControl.ExecutionControlException {
        valueText.reset();
        Object sent = control.extensionCommand(CellExecutionControl.SEND_VALUE, maxBytes);
        if (sent == null) {
            throw new ExecutionControl.InternalException("the last snippet returned no value");
        }
        // The text travels ahead of the command's result, so it is all here.
        String text = valueText.toString(StandardCharsets.UTF_8);
        valueText.reset();
        return Boolean.TRUE.equals(sent) ? Optional.of(text) : Optional.empty();
    }

    /** Kills the JVM at once, so that the snippet it runs ends and the session with it. */
    void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    private Process start(List<String> options, int port) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(forwardedOptions(
                ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(options);
        command.add("-cp");
        command.add(jvmClasspath());
        command.add(CellJvmMain.class.getName());
        command.add(Integer.toString(port));
        LOG.debug("Starting the JVM for the cells in {}: {}", workingDirectory, command);
        // The cells' System.out and System.err go over the socket. What the JVM itself prints
        // before that, such as a failure to start, goes to this process's stderr.
        Process started = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        // The cells read System.in from the socket, never from this pipe.
        started.getOutputStream().close();
        return started;
    }

    private static Socket accept(ServerSocket listener, Process started) throws IOException {
        listener.setSoTimeout(ACCEPT_POLL_MS);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_TIMEOUT_MS);
        while (true) {
            try {
                return listener.accept();
            } catch (SocketTimeoutException e) {
                if (!started.isAlive()) {
                    throw new IOException("the JVM for the cells exited with status "
                            + started.exitValue() + " before it connected");
                }
                if (System.nanoTime() > deadline) {
                    started.destroyForcibly();
                    throw new IOException("the JVM for the cells did not connect within "
                            + CONNECT_TIMEOUT_MS / 1000 + " s");
                }
            }
        }
    }

    /**
     * Lets the JVM exit after JShell's close command, and kills it if it does not. On JDK 17 the
     * JVM's command loop goes on reading after that command and ends only at the end of the
     * stream, so the socket is closed first, and then the JVM has no more commands to wait for.
     */
    private void endProcess(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing the socket of the cells' JVM failed", e);
        }
        Process running = process;
        try {
            if (running != null && !running.waitFor(EXIT_WAIT_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("The JVM for the cells in {} (pid {}) did not exit within {} ms of"
                        + " JShell's close; killing it", workingDirectory, running.pid(),
                        EXIT_WAIT_MS);
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            LOG.warn("Interrupted while waiting for the JVM for the cells in {} (pid {}) to exit;"
                    + " killing it", workingDirectory, running.pid());
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns the options of {@code runnerArguments} that size the heap or the stacks or tune
     * the JVM ({@code -Xms}, {@code -Xmx}, {@code -Xss}, {@code -XX:}), in their order. Agents,
     * debugger and system property options stay with the runner.
     */
    static List<String> forwardedOptions(List<String> runnerArguments) {
        return runnerArguments.stream()
                .filter(option -> option.startsWith("-Xms") || option.startsWith("-Xmx")
                        || option.startsWith("-Xss") || option.startsWith("-XX:"))
                .toList();
    }

    /** Returns the jar or folder of the JVM's main class, then the cells' classpath. */
    private String jvmClasspath() {
        List<String> entries = new ArrayList<>();
        try {
            entries.add(Path.of(CellJvm.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the notebook runner's classes", e);
        }
        classpath.forEach(entry -> entries.add(entry.toString()));
        return String.join(File.pathSeparator, entries);
    }
}
