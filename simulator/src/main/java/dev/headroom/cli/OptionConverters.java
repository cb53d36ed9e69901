package dev.headroom.cli;

import dev.headroom.scenario.Scenarios;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Converters of options whose valid values are narrower than their Java type. A numeric value
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

    /**
     * Converts {@code --seed}, the seed of every random stream. It checks the whole range, so a
     * seed below it and one beyond the type get the same message.
     */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return Main.wholeNumber(text, Scenarios.minSeed(), Long.MAX_VALUE,
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

    /**
     * Converts {@code --bind}, an address to listen on. Only an IP address or {@code localhost}
     * is accepted, because Java looks up any other text as a host name, which can send a DNS
     * query off the machine.
     */
    static final class BindAddress implements ITypeConverter<String> {

        /** Four decimal numbers of up to three digits, which Java reads as an IPv4 literal. */
        private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

        /** One group of an IPv6 literal: one to four hexadecimal digits. */
        private static final Pattern IPV6_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

        @Override
        public String convert(String text) {
            boolean literal = isIpv4(text) || isIpv6(text);
            if (literal || text.equals("localhost")) {
                return text;
            }
            throw new Main.InvalidOptionValue("it is not an IP address, and host names are not"
                    + " looked up", "an IP address, such as 127.0.0.1 or ::1");
        }

        private static boolean isIpv4(String text) {
            return IPV4.matcher(text).matches() && octetsInRange(text);
        }

        /**
         * Returns whether the text is an IPv6 literal in RFC 4291's text forms: eight groups of
         * one to four hexadecimal digits, or fewer with one {@code ::} standing for the rest,
         * where an IPv4 address may stand for the last two groups ({@code ::ffff:10.0.0.1}). A
         * text that merely has a colon, such as {@code 1:2} or {@code :::}, is not one; Java
         * would take it for a host name and fail only when binding.
         */
        private static boolean isIpv6(String text) {
            int lastColon = text.lastIndexOf(':');
            if (lastColon < 0) {
                return false;
            }
            String groups = text;
            String tail = text.substring(lastColon + 1);
            if (tail.indexOf('.') >= 0) {
                if (!isIpv4(tail)) {
                    return false;
                }
                groups = text.substring(0, lastColon + 1) + "0:0";
            }
            int gap = groups.indexOf("::");
            if (gap < 0) {
                return groupCount(groups) == 8;
            }
            if (groups.indexOf("::", gap + 1) >= 0) {
                return false;
            }
            int left = groupCount(groups.substring(0, gap));
            int right = groupCount(groups.substring(gap + 2));
            return left >= 0 && right >= 0 && left + right <= 7;
        }

        /**
         * Returns the number of colon-separated groups in the text, 0 when it is empty, or -1
         * when a group is not one to four hexadecimal digits.
         */
        private static int groupCount(String text) {
            if (text.isEmpty()) {
                return 0;
            }
            String[] groups = text.split(":", -1);
            for (String group : groups) {
                if (!IPV6_GROUP.matcher(group).matches()) {
                    return -1;
                }
            }
            return groups.length;
        }

        private static boolean octetsInRange(String text) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return true;
        }
    }
}
