package dev.headroom.notebook;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;

/**
 * Main class of the JVM that runs a notebook's cells: it runs JShell's remote agent,
 * {@link CellExecutionControl}, and halts the JVM when the process that started it ends.
 *
 * <p>Without that check a cell still running, such as an endless loop, would keep the JVM alive
 * after the runner was killed.
 */
public final class CellJvmMain {

    /** Exit status of a JVM halted because the runner ended. */
    static final int RUNNER_ENDED = 3;

    private CellJvmMain() {
    }

    /**
     * Connects to the runner and runs the snippets it sends.
     *
     * @param args the runner's port on the loopback address
     */
    public static void main(String[] args) throws Exception {
        // The JVM takes its locale from LANG and LC_ALL, and Tablesaw prints numbers in it, so
        // the committed outputs would change with the machine that executed the notebook.
        Locale.setDefault(Locale.ROOT);
        ProcessHandle.current().parent().ifPresent(runner -> runner.onExit()
                .thenRun(() -> Runtime.getRuntime().halt(RUNNER_ENDED)));
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        CellExecutionControl control = new CellExecutionControl();
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                "out", stream -> System.setOut(new PrintStream(stream, true)),
                "err", stream -> System.setErr(new PrintStream(stream, true)),
                CellExecutionControl.VALUE_STREAM, control::sendValuesTo);
        Map<String, Consumer<InputStream>> inputs = Map.of("in", System::setIn);
        Util.forwardExecutionControlAndIO(control, socket.getInputStream(),
                socket.getOutputStream(), outputs, inputs);
    }
}
