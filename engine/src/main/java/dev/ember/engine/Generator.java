package dev.ember.engine;

import java.util.Arrays;

/**
 * A seeded source of random numbers; mirrors {@code torch.Generator}. Every random op
 * (creation, init, dropout, shuffling, transforms) takes one or uses {@link Ember#defaultGenerator()}.
 *
 * <p>Numbers are drawn in Java, sequentially, from xoshiro256** seeded through SplitMix64, so a
 * seed gives the same stream whatever the thread count or native backend. The streams are not
 * PyTorch's (it uses mt19937): same seed, different numbers; compare statistics, not values.
 * Methods are synchronized, so one generator can be shared by threads (at the cost of ordering).
 */
public final class Generator {
    private final long[] s = new long[4];
    private long initialSeed;
    private double spareGaussian;
    private boolean hasSpare;

    /** A generator seeded with {@code seed}. */
    public Generator(long seed) {
        manualSeed(seed);
    }

    /** Re-seeds; mirrors {@code Generator.manual_seed}. Returns this. */
    public synchronized Generator manualSeed(long seed) {
        initialSeed = seed;
        long x = seed;
        for (int i = 0; i < 4; i++) {
            x += 0x9E3779B97F4A7C15L;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            s[i] = z ^ (z >>> 31);
        }
        hasSpare = false;
        return this;
    }

    /** The seed last given; mirrors {@code Generator.initial_seed}. */
    public synchronized long initialSeed() {
        return initialSeed;
    }

    /** The full state, for checkpoints; mirrors {@code Generator.get_state}. */
    public synchronized long[] getState() {
        long[] st = Arrays.copyOf(s, 7);
        st[4] = initialSeed;
        st[5] = hasSpare ? 1 : 0;
        st[6] = Double.doubleToRawLongBits(spareGaussian);
        return st;
    }

    /** Restores a state from {@link #getState()}; mirrors {@code Generator.set_state}. */
    public synchronized void setState(long[] state) {
        if (state == null || state.length != 7) {
            throw new IllegalArgumentException("Generator.setState: expected a state of 7 longs from getState(), got "
                    + (state == null ? "null" : state.length + " longs"));
        }
        System.arraycopy(state, 0, s, 0, 4);
        initialSeed = state[4];
        hasSpare = state[5] != 0;
        spareGaussian = Double.longBitsToDouble(state[6]);
    }

    /** The next 64 random bits. */
    public synchronized long nextLong() {
        return next();
    }

    /** A uniform long in {@code [0, bound)}. */
    public synchronized long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("Generator.nextLong: bound must be > 0, got " + bound);
        }
        // Lemire-style rejection keeps the draw unbiased.
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long r;
        do {
            r = next() >>> 1;
        } while (r >= limit);
        return r % bound;
    }

    /** A uniform double in {@code [0, 1)}. */
    public synchronized double nextDouble() {
        return uniform01();
    }

    /** A standard normal draw. */
    public synchronized double nextGaussian() {
        return gaussian();
    }

    /** Fills {@code out} with uniform values in {@code [low, high)}. */
    public synchronized void fillUniform(double[] out, double low, double high) {
        double span = high - low;
        for (int i = 0; i < out.length; i++) {
            out[i] = low + span * uniform01();
        }
    }

    /** Fills {@code out} with normal values of the given mean and standard deviation. */
    public synchronized void fillNormal(double[] out, double mean, double std) {
        for (int i = 0; i < out.length; i++) {
            out[i] = mean + std * gaussian();
        }
    }

    private double uniform01() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    private double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double r2;
        do {
            u = 2 * uniform01() - 1;
            v = 2 * uniform01() - 1;
            r2 = u * u + v * v;
        } while (r2 >= 1 || r2 == 0);
        double f = Math.sqrt(-2 * Math.log(r2) / r2);
        spareGaussian = v * f;
        hasSpare = true;
        return u * f;
    }

    private long next() {
        long result = Long.rotateLeft(s[1] * 5, 7) * 9;
        long t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = Long.rotateLeft(s[3], 45);
        return result;
    }
}
