package dev.headroom.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The report's header names the machine that produced it. */
class MachineLabelTest {

    @Test
    void labelNamesCoresAndSystem() {
        String label = MachineLabel.describe();
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(label.startsWith("Measured on: "), label);
        assertTrue(label.contains(", " + cores + " cores, "), label);
        assertTrue(label.contains(System.getProperty("os.name")), label);
        assertTrue(label.contains(System.getProperty("os.arch")), label);
    }
}
