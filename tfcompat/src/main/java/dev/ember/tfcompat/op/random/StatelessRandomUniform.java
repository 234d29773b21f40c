package dev.ember.tfcompat.op.random;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Uniform values in {@code [0, 1)}, determined by the {@code seed} input alone (the same on
 * every run); mirrors {@code org.tensorflow.op.random.StatelessRandomUniform}. Values come from Ember's generator,
 * not TF's Philox streams: same distribution and seeding rules, other numbers.
 */
public final class StatelessRandomUniform<V extends TNumber> extends RawOperand<V> {
    public static final String OP_NAME = "StatelessRandomUniform";

    public StatelessRandomUniform(Operation operation) {
        super(operation);
    }

    /** Values of type {@code dtype} and shape {@code shape} from {@code seed} (an int32/int64 vector of 2). */
    public static <V extends TNumber> StatelessRandomUniform<V> create(Scope scope, Operand<? extends TNumber> shape,
            Operand<? extends TNumber> seed, Class<V> dtype) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "StatelessRandomUniform");
        b.addInput(shape.asOutput()).addInput(seed.asOutput()).setAttr("dtype", TypeInfo.of(dtype).dataType());
        return new StatelessRandomUniform<>(b.build());
    }

    /** Float32 values. */
    public static StatelessRandomUniform<TFloat32> create(Scope scope, Operand<? extends TNumber> shape,
            Operand<? extends TNumber> seed) {
        return create(scope, shape, seed, TFloat32.class);
    }

    public Output<V> output() {
        return asOutput();
    }
}
