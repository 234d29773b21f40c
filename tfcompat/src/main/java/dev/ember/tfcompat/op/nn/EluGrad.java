package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * The gradient of {@code Elu} from its outputs; mirrors {@code org.tensorflow.op.nn.EluGrad} (TF op
 * {@code EluGrad}).
 */
public final class EluGrad<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "EluGrad";

    public EluGrad(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> EluGrad<T> create(Scope scope, Operand<T> gradients, Operand<T> outputs) {
        return new EluGrad<>(scope.opBuilder(OP_NAME, "EluGrad")
                .addInput(gradients.asOutput())
                .addInput(outputs.asOutput())
                .build());
    }

    public Output<T> backprops() {
        return asOutput();
    }
}
