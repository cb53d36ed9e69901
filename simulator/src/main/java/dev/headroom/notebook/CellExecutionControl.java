package dev.headroom.notebook;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import jdk.jshell.execution.RemoteExecutionControl;

/**
 * JShell's remote agent in the JVM that runs a notebook's cells, which can also send the whole
 * text of a snippet's value.
 *
 * <p>JShell returns the value of a snippet as text that its protocol cuts after
 * {@link #RETURNED_CHARS} characters. This agent keeps the text of the last value it returned,
 * formatted by JShell itself, until the next snippet, so that the runner can request it with the
 * extension command {@link #SEND_VALUE} when the text it received is that long. The agent then
 * writes the text, in UTF-8, to the stream named {@link #VALUE_STREAM}, which travels on the
 * same socket as the cells' output ahead of the command's result.
 */
final class CellExecutionControl extends RemoteExecutionControl {

    /** Maximum characters of a value's text that JShell's protocol returns, as of JDK 17. */
    static final int RETURNED_CHARS = 21_844;

    /** Name of the stream that carries a value's whole text to the runner. */
    static final String VALUE_STREAM = "headroom-value";

    /**
     * Extension command that sends the last value's whole text if it has at most as many bytes
     * as its {@link Integer} argument. It returns {@code true} when it sent the text,
     * {@code false} when the text is larger, and {@code null} when the last snippet returned no
     * text, such as when its value's {@code toString()} threw.
     */
    static final String SEND_VALUE = "headroom-send-value";

    private volatile OutputStream valueStream;
    private volatile String lastValue;

    /** Sets the stream that {@link #SEND_VALUE} writes to. */
    void sendValuesTo(OutputStream stream) {
        valueStream = stream;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        String value = super.invoke(doitMethod);
        lastValue = value;
        return value;
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        lastValue = null;
        String value = super.varValue(className, varName);
        lastValue = value;
        return value;
    }

    @Override
    public Object extensionCommand(String command, Object arg)
            throws RunException, EngineTerminationException, InternalException {
        if (!SEND_VALUE.equals(command) || !(arg instanceof Integer maxBytes)) {
            return super.extensionCommand(command, arg);
        }
        String value = lastValue;
        lastValue = null;
        if (value == null) {
            return null;
        }
        // A character takes at least one byte, so a longer text needs no encoding to fail.
        byte[] bytes = value.length() > maxBytes ? null : value.getBytes(StandardCharsets.UTF_8);
        if (bytes == null || bytes.length > maxBytes) {
            return false;
        }
        try {
            valueStream.write(bytes);
            valueStream.flush();
        } catch (IOException e) {
            throw new EngineTerminationException("sending a value failed: " + e);
        }
        return true;
    }
}
