package dev.headroom.workload;

/** Argument checks whose messages name the parameter, its value and the rule it broke. */
final class Checks {

    private Checks() {
    }

    static double positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + " is " + value + "; it must be a finite number above zero");
        }
        return value;
    }

    static double notNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + " is " + value + "; it must be a finite number of zero or more");
        }
        return value;
    }

    static long notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    name + " is " + value + "; it must be zero or more");
        }
        return value;
    }

    static double fraction(double value, String name) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(
                    name + " is " + value + "; it must be at least 0 and below 1");
        }
        return value;
    }
}
