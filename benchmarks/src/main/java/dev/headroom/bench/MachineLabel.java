package dev.headroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Describes the machine and JVM that produced a set of measurements, as a Markdown header. */
final class MachineLabel {

    static final String UNKNOWN_PROCESSOR = "unknown processor";

    private static final Logger LOG = LoggerFactory.getLogger(MachineLabel.class);
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    private MachineLabel() {
    }

    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT,
                "Measured on: %s, %d cores, %s %s.%n",
                cpuModel(CPU_INFO), runtime.availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** Returns the first {@code model name} of {@code cpuInfo}, laid out as /proc/cpuinfo. */
    static String cpuModel(Path cpuInfo) {
        try {
            for (String line : Files.readAllLines(cpuInfo)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot read the processor model from {}: {}", cpuInfo, e.toString());
            return UNKNOWN_PROCESSOR;
        }
        return UNKNOWN_PROCESSOR;
    }
}
