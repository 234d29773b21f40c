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
 * Standard normal values redrawn until within 2 std, determined by the {@code seed} input alone (the same on
 * every run); mirrors {@code org.tensorflow.op.random.StatelessTruncatedNormal}. Values come from Ember's generator,
 * not TF's Philox streams: same distribution and seeding rules, other numbers.
 */
public final class StatelessTruncatedNormal<V extends TNumber> extends RawOperand<V> {
    public static final String OP_NAME = "StatelessTruncatedNormal";

    public StatelessTruncatedNormal(Operation operation) {
        super(operation);
    }

    /** Values of type {@code dtype} and shape {@code shape} from {@code seed} (an int32/int64 vector of 2). */
    public static <V extends TNumber> StatelessTruncatedNormal<V> create(Scope scope, Operand<? extends TNumber> shape,
            Operand<? extends TNumber> seed, Class<V> dtype) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "StatelessTruncatedNormal");
        b.addInput(shape.asOutput()).addInput(seed.asOutput()).setAttr("dtype", TypeInfo.of(dtype).dataType());
        return new StatelessTruncatedNormal<>(b.build());
    }

    /** Float32 values. */
    public static StatelessTruncatedNormal<TFloat32> create(Scope scope, Operand<? extends TNumber> shape,
            Operand<? extends TNumber> seed) {
        return create(scope, shape, seed, TFloat32.class);
    }

    public Output<V> output() {
        return asOutput();
    }
}
