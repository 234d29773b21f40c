package dev.ember.parity.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/** Comparing a random sample drawn on the engine with one drawn by TF, where the values cannot match. */
final class Distributions {
    private Distributions() {
    }

    /**
     * Both samples in [lo, hi); means within 5 standard errors of their difference ({@code sd * sqrt(2/n)}),
     * standard deviations within 5 of theirs ({@code sd / sqrt(n)}); where the support is bounded, the
     * sample extremes within 1% of TF's spread of TF's.
     */
    static void assertSimilar(String label, double[] tf, double[] ours, double lo, double hi) {
        int n = tf.length;
        assertThat(n).as("%s needs a large sample", label).isGreaterThanOrEqualTo(1000);
        assertThat(ours.length).as("%s: sample size", label).isEqualTo(n);
        double sd = std(tf);
        assertThat(min(tf)).as("%s: TF's minimum", label).isGreaterThanOrEqualTo(lo);
        assertThat(max(tf)).as("%s: TF's maximum", label).isLessThan(hi);
        assertThat(min(ours)).as("%s: engine minimum", label).isGreaterThanOrEqualTo(lo);
        assertThat(max(ours)).as("%s: engine maximum", label).isLessThan(hi);
        assertThat(Math.abs(mean(ours) - mean(tf))).as("%s: |mean difference| (TF %s, engine %s)", label, mean(tf),
                mean(ours)).isLessThanOrEqualTo(5 * sd * Math.sqrt(2.0 / n));
        assertThat(Math.abs(std(ours) - sd)).as("%s: |std difference| (TF %s, engine %s)", label, sd, std(ours))
                .isLessThanOrEqualTo(5 * sd / Math.sqrt(n));
        double spread = 0.01 * (max(tf) - min(tf));
        if (Double.isFinite(lo)) {
            assertThat(Math.abs(min(ours) - min(tf))).as("%s: minimum near TF's (TF %s, engine %s)", label, min(tf),
                    min(ours)).isLessThanOrEqualTo(spread);
        }
        if (Double.isFinite(hi)) {
            assertThat(Math.abs(max(ours) - max(tf))).as("%s: maximum near TF's (TF %s, engine %s)", label, max(tf),
                    max(ours)).isLessThanOrEqualTo(spread);
        }
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
