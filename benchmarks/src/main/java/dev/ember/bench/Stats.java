package dev.ember.bench;

import java.util.Arrays;

/** Median and minimum of per-iteration times. */
public final class Stats {
    private Stats() {
    }

    /** The median of {@code samples} (mean of the middle two for an even count). */
    public static double median(double[] samples) {
        requireSome(samples);
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The smallest of {@code samples}. */
    public static double min(double[] samples) {
        requireSome(samples);
        return Arrays.stream(samples).min().getAsDouble();
    }

    private static void requireSome(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples: at least one timed iteration is needed");
        }
    }
}
