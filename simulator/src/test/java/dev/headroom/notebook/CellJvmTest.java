package dev.headroom.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellJvmTest {

    @Test
    void forwardedOptions_keepsHeapStackAndTuning() {
        List<String> runner = List.of("-Xmx8g", "-Dheadroom.stderr.tty=false", "-Xms1g",
                "-javaagent:/opt/agent.jar", "-Xss4m", "-XX:+UseSerialGC",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Xdebug");

        assertEquals(List.of("-Xmx8g", "-Xms1g", "-Xss4m", "-XX:+UseSerialGC"),
                CellJvm.forwardedOptions(runner));
    }

    @Test
    void forwardedOptions_noOptions_isEmpty() {
        assertEquals(List.of(), CellJvm.forwardedOptions(List.of()));
    }
}
