package dev.ember.tfcompat.op.train;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * Batched matrix product with broadcast batch dimensions (op {@code BatchMatMulV3});
 * mirrors {@code org.tensorflow.op.train.BatchMatMul} (op type {@code BatchMatMulV3}).
 */
public final class BatchMatMul<V extends TType> extends RawOperand<V> {
    public static final String OP_NAME = "BatchMatMulV3";

    public BatchMatMul(Operation operation) {
        super(operation);
    }

    /** Optional attributes of {@link #create}. */
    public static class Options {
        private Boolean adjX;
        private Boolean adjY;
        private Boolean gradX;
        private Boolean gradY;

        private Options() {
        }

        public Options adjX(Boolean adjX) {
            this.adjX = adjX;
            return this;
        }

        public Options adjY(Boolean adjY) {
            this.adjY = adjY;
            return this;
        }

        public Options gradX(Boolean gradX) {
            this.gradX = gradX;
            return this;
        }

        public Options gradY(Boolean gradY) {
            this.gradY = gradY;
            return this;
        }
    }

    /** Sets attribute {@code adj_x}. */
    public static Options adjX(Boolean adjX) {
        return new Options().adjX(adjX);
    }

    /** Sets attribute {@code adj_y}. */
    public static Options adjY(Boolean adjY) {
        return new Options().adjY(adjY);
    }

    /** Sets attribute {@code grad_x}. */
    public static Options gradX(Boolean gradX) {
        return new Options().gradX(gradX);
    }

    /** Sets attribute {@code grad_y}. */
    public static Options gradY(Boolean gradY) {
        return new Options().gradY(gradY);
    }

    /** Adds a {@code BatchMatMulV3} node. */
    public static <V extends TType> BatchMatMul<V> create(Scope scope, Operand<? extends TType> x,
            Operand<? extends TType> y, Class<V> Tout, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "BatchMatMul");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        b.setAttr("Tout", TypeInfo.of(Tout).dataType());
        for (Options o : options) {
            if (o.adjX != null) {
                b.setAttr("adj_x", (boolean) o.adjX);
            }
            if (o.adjY != null) {
                b.setAttr("adj_y", (boolean) o.adjY);
            }
            if (o.gradX != null) {
                b.setAttr("grad_x", (boolean) o.gradX);
            }
            if (o.gradY != null) {
                b.setAttr("grad_y", (boolean) o.gradY);
            }
        }
        return new BatchMatMul<>(b.build());
    }

    public Output<V> output() {
        return asOutput();
    }
}
