package dev.ember.tfcompat.op.linalg;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Matrix product of two 2-D tensors; mirrors {@code org.tensorflow.op.linalg.MatMul}. */
public final class MatMul<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "MatMul";

    public MatMul(Operation operation) {
        super(operation);
    }

    /** Options for {@link #create}. */
    public static class Options {
        private Boolean transposeA;
        private Boolean transposeB;
        private Boolean gradA;
        private Boolean gradB;

        private Options() {
        }

        public Options transposeA(Boolean v) {
            this.transposeA = v;
            return this;
        }

        public Options transposeB(Boolean v) {
            this.transposeB = v;
            return this;
        }

        /** Sets {@code grad_a}, TF's hint that this product computes a gradient (no effect on the result). */
        public Options gradA(Boolean v) {
            this.gradA = v;
            return this;
        }

        /** Sets {@code grad_b}, TF's hint that this product computes a gradient (no effect on the result). */
        public Options gradB(Boolean v) {
            this.gradB = v;
            return this;
        }
    }

    public static Options transposeA(Boolean v) {
        return new Options().transposeA(v);
    }

    public static Options transposeB(Boolean v) {
        return new Options().transposeB(v);
    }

    public static Options gradA(Boolean v) {
        return new Options().gradA(v);
    }

    public static Options gradB(Boolean v) {
        return new Options().gradB(v);
    }

    public static <T extends TType> MatMul<T> create(Scope scope, Operand<T> a, Operand<T> b, Options... options) {
        OperationBuilder op = scope.opBuilder(OP_NAME, "MatMul").addInput(a.asOutput()).addInput(b.asOutput());
        for (Options o : options) {
            if (o.transposeA != null) {
                op.setAttr("transpose_a", o.transposeA);
            }
            if (o.transposeB != null) {
                op.setAttr("transpose_b", o.transposeB);
            }
            if (o.gradA != null) {
                op.setAttr("grad_a", o.gradA);
            }
            if (o.gradB != null) {
                op.setAttr("grad_b", o.gradB);
            }
        }
        return new MatMul<>(op.build());
    }

    public Output<T> product() {
        return asOutput();
    }
}
