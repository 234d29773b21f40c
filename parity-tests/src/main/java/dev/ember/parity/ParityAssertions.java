package dev.ember.parity;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ entry points for parity results:
 * {@code assertThatParity(result).passes()} and
 * {@code assertThatParity(result).tensor("logits").hasMaxAbsErrorBelow(1e-4)}. Failure messages name
 * every failing tensor by path with its worst element (index in both layouts, both values), the
 * tolerance and its reason, the first diverging layer, and the seed.
 */
public final class ParityAssertions {
    private ParityAssertions() {
    }

    /** Assertions on a whole case. */
    public static ParityResultAssert assertThatParity(ParityResult result) {
        return new ParityResultAssert(result);
    }

    /** Assertions on one compared tensor. */
    public static TensorComparisonAssert assertThatTensor(TensorComparison comparison) {
        return new TensorComparisonAssert(comparison, null);
    }

    /** Assertions on a {@link ParityResult}. */
    public static final class ParityResultAssert extends AbstractAssert<ParityResultAssert, ParityResult> {
        ParityResultAssert(ParityResult actual) {
            super(actual, ParityResultAssert.class);
        }

        /** Every output, gradient and compared intermediate passes. */
        public ParityResultAssert passes() {
            isNotNull();
            if (!actual.passed()) {
                failWithMessage("%s", actual.describe());
            }
            return this;
        }

        /** At least one tensor fails (for tests proving the harness catches a bug). */
        public ParityResultAssert fails() {
            isNotNull();
            if (actual.passed()) {
                failWithMessage("expected parity case '%s' (seed %s) to fail, but it passed:%n%s", actual.caseName(),
                        actual.seed(), actual.describe());
            }
            return this;
        }

        /** Continues with the output or gradient {@code name}. */
        public TensorComparisonAssert tensor(String name) {
            isNotNull();
            Optional<TensorComparison> c = actual.tensor(name);
            if (c.isEmpty()) {
                failWithMessage("parity case '%s' (seed %s) has no tensor '%s'; it compared %s", actual.caseName(),
                        actual.seed(), name, actual.comparisons().stream().map(TensorComparison::name)
                                .collect(Collectors.toList()));
            }
            return new TensorComparisonAssert(c.get(), actual);
        }

        /** Continues with the intermediate {@code name} of the localisation. */
        public TensorComparisonAssert intermediate(String name) {
            Localisation loc = localisation();
            Optional<TensorComparison> c = loc.layers().stream().filter(l -> l.name().equals(name)).findFirst();
            if (c.isEmpty()) {
                failWithMessage("parity case '%s' (seed %s) compared no intermediate '%s'; matched: %s",
                        actual.caseName(), actual.seed(), name,
                        loc.layers().stream().map(TensorComparison::name).collect(Collectors.toList()));
            }
            return new TensorComparisonAssert(c.get(), actual);
        }

        /** The localisation found {@code layer} as the first layer that diverges. */
        public ParityResultAssert firstDivergingLayerIs(String layer) {
            Optional<TensorComparison> first = localisation().firstDivergingLayer();
            if (first.isEmpty() || !first.get().name().equals(layer)) {
                failWithMessage("expected the first diverging layer of '%s' (seed %s) to be '%s', but %s",
                        actual.caseName(), actual.seed(), layer, actual.localisation().get().describe());
            }
            return this;
        }

        private Localisation localisation() {
            isNotNull();
            if (actual.localisation().isEmpty()) {
                failWithMessage("parity case '%s' (seed %s) compared no intermediates (it passed, or no side exposes "
                        + "any)", actual.caseName(), actual.seed());
            }
            return actual.localisation().get();
        }
    }

    /** Assertions on a {@link TensorComparison}. */
    public static final class TensorComparisonAssert extends AbstractAssert<TensorComparisonAssert, TensorComparison> {
        private final ParityResult result;

        TensorComparisonAssert(TensorComparison actual, ParityResult result) {
            super(actual, TensorComparisonAssert.class);
            this.result = result;
        }

        private String where() {
            return result == null ? "" : " (seed " + result.seed() + ")";
        }

        public TensorComparisonAssert passes() {
            isNotNull();
            if (!actual.passed()) {
                failWithMessage("%s%s", actual.describe(), where());
            }
            return this;
        }

        public TensorComparisonAssert fails() {
            isNotNull();
            if (actual.passed()) {
                failWithMessage("expected %s to fail, but it passed: %s%s", actual.path(), actual.describe(), where());
            }
            return this;
        }

        public TensorComparisonAssert hasStatus(TensorComparison.Status status) {
            isNotNull();
            if (actual.status() != status) {
                failWithMessage("expected %s to have status %s: %s%s", actual.path(), status, actual.describe(), where());
            }
            return this;
        }

        /** {@code maxAbsError < bound} (NaN, i.e. not compared, fails). */
        public TensorComparisonAssert hasMaxAbsErrorBelow(double bound) {
            isNotNull();
            if (!(actual.maxAbsError() < bound)) {
                failWithMessage("expected max abs error of %s below %s, got %s: %s%s", actual.path(), bound,
                        TensorComparison.num(actual.maxAbsError()), actual.describe(), where());
            }
            return this;
        }

        /** {@code maxRelError < bound}. */
        public TensorComparisonAssert hasMaxRelErrorBelow(double bound) {
            isNotNull();
            if (!(actual.maxRelError() < bound)) {
                failWithMessage("expected max rel error of %s below %s, got %s: %s%s", actual.path(), bound,
                        TensorComparison.num(actual.maxRelError()), actual.describe(), where());
            }
            return this;
        }

        public TensorComparisonAssert hasMismatchCount(long count) {
            isNotNull();
            if (actual.mismatchCount() != count) {
                failWithMessage("expected %s mismatches in %s, got %s: %s%s", count, actual.path(),
                        actual.mismatchCount(), actual.describe(), where());
            }
            return this;
        }

        /** The worst element sits at {@code index} in the engine's layout. */
        public TensorComparisonAssert hasWorstEngineIndex(long... index) {
            return worstAt("engine", index, actual.worst() == null ? null : actual.worst().engineIndex());
        }

        /** The worst element sits at {@code index} in TF's layout. */
        public TensorComparisonAssert hasWorstTfIndex(long... index) {
            return worstAt("TF", index, actual.worst() == null ? null : actual.worst().tfIndex());
        }

        private TensorComparisonAssert worstAt(String side, long[] expected, long[] got) {
            isNotNull();
            if (got == null || !Arrays.equals(expected, got)) {
                failWithMessage("expected the worst element of %s at %s index %s, got %s: %s%s", actual.path(), side,
                        Arrays.toString(expected), got == null ? "none" : Arrays.toString(got), actual.describe(),
                        where());
            }
            return this;
        }
    }
}
