package dev.ember.parity.checkpoint;

import java.util.Random;

/** Seeded test values. */
final class Values {

    private static final Random RANDOM = new Random(20251123);

    private Values() {
    }

    /** {@code n} standard-normal floats. */
    static float[] floats(int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) RANDOM.nextGaussian();
        }
        return f;
    }
}
