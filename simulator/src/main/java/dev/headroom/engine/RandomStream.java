package dev.headroom.engine;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * One seeded stream of pseudo-random numbers: xoroshiro128++ seeded through SplitMix64. It
 * implements commons-math3's {@link RandomGenerator}, so every commons-math3 distribution can
 * draw from it, and the JDK's {@link java.util.random.RandomGenerator}, whose samplers it uses
 * for exponential draws. The sequence depends only on the seed and the JDK's sampler.
 *
 * <p>NOTE: the JDK does not specify its exponential sampler, and a JDK 17 update changed it
 * (JDK-8273056, "java.util.random does not correctly sample exponential or Gaussian
 * distributions", backported in
 * https://github.com/openjdk/jdk17u-dev/commit/ff1ef50a42a7cadf262d8bc22a8775ffe19f5f04, read
 * 2026-12). {@code RandomStreamTest} pins draws, so a JDK whose sampler differs fails it.
 *
 * <p>Algorithms: Blackman and Vigna, "Scrambled Linear Pseudorandom Number Generators" (2021),
 * https://prng.di.unimi.it/ (read 2026-12). Not thread-safe.
 */
public final class RandomStream
        implements RandomGenerator, java.util.random.RandomGenerator {

    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long s0;
    private long s1;
    private double nextGaussian = Double.NaN;

    public RandomStream(long seed) {
        setSeed(seed);
    }

    @Override
    public void setSeed(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix64(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix64(x);
        if ((s0 | s1) == 0) {
            s1 = 1;
        }
        nextGaussian = Double.NaN;
    }

    @Override
    public void setSeed(int seed) {
        setSeed((long) seed);
    }

    @Override
    public void setSeed(int[] seed) {
        long combined = 0;
        for (int value : seed) {
            combined = combined * 31 + value;
        }
        setSeed(combined);
    }

    @Override
    public long nextLong() {
        long a = s0;
        long b = s1;
        long result = Long.rotateLeft(a + b, 17) + a;
        b ^= a;
        s0 = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
        s1 = Long.rotateLeft(b, 28);
        return result;
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /**
     * Returns a uniform int in {@code [0, bound)} by Lemire's multiply-shift method with
     * rejection, which removes the bias of a plain multiply-shift: D. Lemire, "Fast Random
     * Integer Generation in an Interval", ACM TOMACS 29(1), 2019, https://arxiv.org/abs/1805.10941
     * (read 2026-12).
     */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound is " + bound + "; it must be positive");
        }
        long product = (nextLong() >>> 32) * bound;
        long low = product & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                product = (nextLong() >>> 32) * bound;
                low = product & 0xFFFFFFFFL;
            }
        }
        return (int) (product >>> 32);
    }

    /** Returns a uniform double in {@code [0, 1)} with 53 random bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    @Override
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    @Override
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            long word = nextLong();
            for (int k = 0; k < 8 && i < bytes.length; k++) {
                bytes[i++] = (byte) word;
                word >>>= 8;
            }
        }
    }

    /** Returns a standard normal draw by the polar method, caching the second value. */
    @Override
    public double nextGaussian() {
        if (!Double.isNaN(nextGaussian)) {
            double cached = nextGaussian;
            nextGaussian = Double.NaN;
            return cached;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = Math.sqrt(-2 * Math.log(s) / s);
        nextGaussian = v * scale;
        return u * scale;
    }

    /**
     * Returns an exponential draw with the given mean, scaled from the JDK's standard exponential
     * ({@link java.util.random.RandomGenerator#nextExponential()}, a ziggurat sampler that mostly
     * costs one {@link #nextLong()} and one table read).
     */
    public double nextExponential(double mean) {
        return mean * nextExponential();
    }

    /** SplitMix64's finalizer: a bijective mix of 64 bits. */
    static long mix64(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
