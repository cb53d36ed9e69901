package dev.headroom.cli;

import dev.headroom.scenario.Scenarios;
import picocli.CommandLine.ITypeConverter;

/**
 * Converters of the numeric options whose valid range is narrower than their Java type. A value
 * beyond the type fails here with the option's own range. A value within the type reaches the
 * command, which checks the range and names the value.
 */
final class OptionConverters {

    private OptionConverters() {
    }

    /** Converts {@code --days}, the simulated days of a run. */
    static final class Days implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return Main.wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE,
                    "out of range: it must be from 1 to " + Scenarios.maxHorizonDays() + " days",
                    "a number of days in that range");
        }
    }

    /** Converts {@code --seed}, the seed of every random stream. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return Main.wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE,
                    "out of range: it must be from " + Scenarios.minSeed() + " to "
                            + Long.MAX_VALUE, "a whole number in that range");
        }
    }

    /** Converts {@code --port}, a TCP port. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) Main.wholeNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE,
                    "out of range: it must be from 0 to 65535",
                    "a port number in that range");
        }
    }

    /** Converts {@code --jobs}, the seeds a sweep runs at the same time. */
    static final class Jobs implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) Main.wholeNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE,
                    "out of range: it must be from 1 to " + Integer.MAX_VALUE,
                    "a whole number in that range");
        }
    }
}
