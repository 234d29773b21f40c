package dev.ember.tfcompat.internal.ops;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.family.TType;

/**
 * Math nodes the framework classes need before {@code Ops} offers them ({@code tf.math.mul} belongs to
 * the math group): built by TF op type, so the graph is the one {@code tf.math.mul} builds.
 */
public final class MathNodes {
    private MathNodes() {
    }

    /** {@code x * y}, a {@code Mul} node built in {@code tf}'s scope. */
    public static <T extends TType> Output<T> mul(Ops tf, Operand<T> x, Operand<T> y) {
        return tf.scope().opBuilder("Mul", "Mul").addInput(x.asOutput()).addInput(y.asOutput()).build().output(0);
    }
}
