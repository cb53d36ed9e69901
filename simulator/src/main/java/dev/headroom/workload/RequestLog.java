package dev.headroom.workload;

import java.util.Arrays;

/**
 * The parsed rows of a request log, sorted by arrival time, in primitive arrays.
 *
 * <p>Instances are immutable; accessors return copies.
 */
public final class RequestLog {

    private final String source;
    private final long[] arrivalNanos;
    private final long[] tokensIn;
    private final long[] tokensOut;

    /**
     * Creates a log from matching arrays and sorts the rows by arrival time, keeping the token
     * counts with their rows.
     *
     * @param arrivalNanos arrival times in nanoseconds from any fixed origin
     */
    public RequestLog(String source, long[] arrivalNanos, long[] tokensIn, long[] tokensOut) {
        this(source, arrivalNanos, tokensIn, tokensOut, false);
    }

    /**
     * Creates a log that keeps the given arrays when they are already sorted and
     * {@code takeArrays} is set, so that a reader that owns its arrays does not copy a large log
     * once more.
     */
    RequestLog(String source, long[] arrivalNanos, long[] tokensIn, long[] tokensOut,
            boolean takeArrays) {
        if (arrivalNanos.length != tokensIn.length || arrivalNanos.length != tokensOut.length) {
            throw new IllegalArgumentException("the log's columns have different lengths");
        }
        this.source = source;
        int n = arrivalNanos.length;
        if (isSorted(arrivalNanos)) {
            // Most logs are written in arrival order; skip the boxed index sort, which needs
            // about 20 bytes a row on top of the columns.
            this.arrivalNanos = takeArrays ? arrivalNanos : arrivalNanos.clone();
            this.tokensIn = takeArrays ? tokensIn : tokensIn.clone();
            this.tokensOut = takeArrays ? tokensOut : tokensOut.clone();
            return;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(arrivalNanos[a], arrivalNanos[b]));
        this.arrivalNanos = new long[n];
        this.tokensIn = new long[n];
        this.tokensOut = new long[n];
        for (int i = 0; i < n; i++) {
            this.arrivalNanos[i] = arrivalNanos[order[i]];
            this.tokensIn[i] = tokensIn[order[i]];
            this.tokensOut[i] = tokensOut[order[i]];
        }
    }

    private static boolean isSorted(long[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the file or resource name the rows came from. */
    public String source() {
        return source;
    }

    public int size() {
        return arrivalNanos.length;
    }

    /** Returns the arrival times in nanoseconds, in increasing order. */
    public long[] arrivalNanos() {
        return arrivalNanos.clone();
    }

    /** Returns the prompt tokens per request, in arrival order. */
    public long[] tokensIn() {
        return tokensIn.clone();
    }

    /** Returns the generated tokens per request, in arrival order. */
    public long[] tokensOut() {
        return tokensOut.clone();
    }
}
