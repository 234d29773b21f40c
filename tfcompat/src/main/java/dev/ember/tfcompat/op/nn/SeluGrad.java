package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * The gradient of {@code Selu} from its outputs; mirrors {@code org.tensorflow.op.nn.SeluGrad} (TF op
 * {@code SeluGrad}).
 */
public final class SeluGrad<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "SeluGrad";

    public SeluGrad(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> SeluGrad<T> create(Scope scope, Operand<T> gradients, Operand<T> outputs) {
        return new SeluGrad<>(scope.opBuilder(OP_NAME, "SeluGrad")
                .addInput(gradients.asOutput())
                .addInput(outputs.asOutput())
                .build());
    }

    public Output<T> backprops() {
        return asOutput();
    }
}
