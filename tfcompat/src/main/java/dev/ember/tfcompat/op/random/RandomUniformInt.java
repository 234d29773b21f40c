package dev.ember.tfcompat.op.random;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Uniform integers in {@code [minval, maxval)}; mirrors {@code org.tensorflow.op.random.RandomUniformInt}.
 * Values come from Ember's generator, not TF's Philox streams: same distribution and seeding rules, other numbers.
 */
public final class RandomUniformInt<U extends TNumber> extends RawOperand<U> {
    public static final String OP_NAME = "RandomUniformInt";

    public RandomUniformInt(Operation operation) {
        super(operation);
    }

    /** Options for {@link #create}. */
    public static class Options {
        private Long seed;
        private Long seed2;

        private Options() {
        }

        /** Op-level seed: with {@code seed2}, a non-zero value makes the op's sequence repeat in every session. */
        public Options seed(Long seed) {
            this.seed = seed;
            return this;
        }

        /** A second seed to avoid collisions between ops seeded alike. */
        public Options seed2(Long seed2) {
            this.seed2 = seed2;
            return this;
        }
    }

    public static Options seed(Long seed) {
        return new Options().seed(seed);
    }

    public static Options seed2(Long seed2) {
        return new Options().seed2(seed2);
    }

    /** Integers of {@code minval}'s type (int32 or int64, scalars) and shape {@code shape}. */
    public static <U extends TNumber> RandomUniformInt<U> create(Scope scope, Operand<? extends TNumber> shape,
            Operand<U> minval, Operand<U> maxval, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "RandomUniformInt").addInput(shape.asOutput())
                .addInput(minval.asOutput()).addInput(maxval.asOutput());
        for (Options o : options) {
            if (o.seed != null) {
                b.setAttr("seed", o.seed);
            }
            if (o.seed2 != null) {
                b.setAttr("seed2", o.seed2);
            }
        }
        return new RandomUniformInt<>(b.build());
    }

    public Output<U> output() {
        return asOutput();
    }
}
