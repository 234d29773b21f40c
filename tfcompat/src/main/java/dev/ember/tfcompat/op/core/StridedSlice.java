package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/**
 * A strided slice of {@code input} (Python-style indexing with begin/end/ellipsis/new-axis/shrink masks);
 * mirrors {@code org.tensorflow.op.core.StridedSlice} (op type {@code StridedSlice}).
 */
public final class StridedSlice<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "StridedSlice";

    public StridedSlice(Operation operation) {
        super(operation);
    }

    /** Optional attributes of {@link #create}. */
    public static class Options {
        private Long beginMask;
        private Long endMask;
        private Long ellipsisMask;
        private Long newAxisMask;
        private Long shrinkAxisMask;

        private Options() {
        }

        public Options beginMask(Long beginMask) {
            this.beginMask = beginMask;
            return this;
        }

        public Options endMask(Long endMask) {
            this.endMask = endMask;
            return this;
        }

        public Options ellipsisMask(Long ellipsisMask) {
            this.ellipsisMask = ellipsisMask;
            return this;
        }

        public Options newAxisMask(Long newAxisMask) {
            this.newAxisMask = newAxisMask;
            return this;
        }

        public Options shrinkAxisMask(Long shrinkAxisMask) {
            this.shrinkAxisMask = shrinkAxisMask;
            return this;
        }
    }

    /** Sets attribute {@code begin_mask}. */
    public static Options beginMask(Long beginMask) {
        return new Options().beginMask(beginMask);
    }

    /** Sets attribute {@code end_mask}. */
    public static Options endMask(Long endMask) {
        return new Options().endMask(endMask);
    }

    /** Sets attribute {@code ellipsis_mask}. */
    public static Options ellipsisMask(Long ellipsisMask) {
        return new Options().ellipsisMask(ellipsisMask);
    }

    /** Sets attribute {@code new_axis_mask}. */
    public static Options newAxisMask(Long newAxisMask) {
        return new Options().newAxisMask(newAxisMask);
    }

    /** Sets attribute {@code shrink_axis_mask}. */
    public static Options shrinkAxisMask(Long shrinkAxisMask) {
        return new Options().shrinkAxisMask(shrinkAxisMask);
    }

    /** Adds a {@code StridedSlice} node. */
    public static <T extends TType, U extends TNumber> StridedSlice<T> create(Scope scope, Operand<T> input,
            Operand<U> begin, Operand<U> end, Operand<U> strides, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "StridedSlice");
        b.addInput(input.asOutput());
        b.addInput(begin.asOutput());
        b.addInput(end.asOutput());
        b.addInput(strides.asOutput());
        for (Options o : options) {
            if (o.beginMask != null) {
                b.setAttr("begin_mask", (long) o.beginMask);
            }
            if (o.endMask != null) {
                b.setAttr("end_mask", (long) o.endMask);
            }
            if (o.ellipsisMask != null) {
                b.setAttr("ellipsis_mask", (long) o.ellipsisMask);
            }
            if (o.newAxisMask != null) {
                b.setAttr("new_axis_mask", (long) o.newAxisMask);
            }
            if (o.shrinkAxisMask != null) {
                b.setAttr("shrink_axis_mask", (long) o.shrinkAxisMask);
            }
        }
        return new StridedSlice<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
