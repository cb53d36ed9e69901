package dev.headroom.sheets.limits;

/**
 * A counter of accepted calls over one-minute windows, for one quota and one identity. Times
 * are milliseconds on the caller's clock; a time earlier than one already seen counts as that
 * later time, so a clock read out of order never reopens a window.
 */
abstract class MinuteWindow {

    static final long WINDOW_MILLIS = 60_000L;

    final int limit;

    MinuteWindow(int limit) {
        this.limit = limit;
    }

    static MinuteWindow create(WindowKind kind, int limit) {
        return kind == WindowKind.FIXED ? new Fixed(limit) : new Sliding(limit);
    }

    /** Returns whether one more call fits in the window at {@code nowMillis}. */
    abstract boolean hasRoom(long nowMillis);

    /** Counts one accepted call at {@code nowMillis}; the caller has checked {@link #hasRoom}. */
    abstract void record(long nowMillis);

    /** Returns the earliest time at or after {@code nowMillis} when one more call fits. */
    abstract long nextRoomMillis(long nowMillis);

    /** Resets at each whole minute: {@code floorDiv(now, 60 s)} names the window. */
    private static final class Fixed extends MinuteWindow {

        private long window = Long.MIN_VALUE;
        private int used;

        Fixed(int limit) {
            super(limit);
        }

        @Override
        boolean hasRoom(long nowMillis) {
            return windowOf(nowMillis) > window || used < limit;
        }

        @Override
        void record(long nowMillis) {
            long current = windowOf(nowMillis);
            if (current > window) {
                window = current;
                used = 0;
            }
            used++;
        }

        @Override
        long nextRoomMillis(long nowMillis) {
            return hasRoom(nowMillis) ? nowMillis : (window + 1) * WINDOW_MILLIS;
        }

        private static long windowOf(long millis) {
            return Math.floorDiv(millis, WINDOW_MILLIS);
        }
    }

    /**
     * Keeps the times of the last {@code limit} accepted calls in a ring. A call passes when the
     * oldest of them is at least 60 s old, that is, when fewer than {@code limit} calls were
     * accepted in {@code (now - 60 s, now]}.
     */
    private static final class Sliding extends MinuteWindow {

        private final long[] acceptedAt;
        private int oldest;
        private int size;
        private long latest = Long.MIN_VALUE;

        Sliding(int limit) {
            super(limit);
            this.acceptedAt = new long[limit];
        }

        @Override
        boolean hasRoom(long nowMillis) {
            long now = Math.max(nowMillis, latest);
            return size < limit || acceptedAt[oldest] <= now - WINDOW_MILLIS;
        }

        @Override
        void record(long nowMillis) {
            latest = Math.max(nowMillis, latest);
            if (size < limit) {
                acceptedAt[(oldest + size) % limit] = latest;
                size++;
                return;
            }
            acceptedAt[oldest] = latest;
            oldest = (oldest + 1) % limit;
        }

        @Override
        long nextRoomMillis(long nowMillis) {
            return hasRoom(nowMillis) ? nowMillis : acceptedAt[oldest] + WINDOW_MILLIS;
        }
    }
}
