package dev.headroom.routing;

final class Routers {

    private Routers() {
    }

    static int requirePositive(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count is " + count + "; it must be at least 1");
        }
        return count;
    }
}
