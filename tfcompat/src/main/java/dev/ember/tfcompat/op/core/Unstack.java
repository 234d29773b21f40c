package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code value} unpacked into {@code num} tensors along {@code axis};
 * mirrors {@code org.tensorflow.op.core.Unstack} (op type {@code Unpack}).
 */
public final class Unstack<T extends TType> extends RawOp implements Iterable<Operand<T>> {
    public static final String OP_NAME = "Unpack";

    public Unstack(Operation operation) {
        super(operation);
    }

    /** Optional attributes of {@link #create}. */
    public static class Options {
        private Long axis;

        private Options() {
        }

        public Options axis(Long axis) {
            this.axis = axis;
            return this;
        }
    }

    /** Sets attribute {@code axis}. */
    public static Options axis(Long axis) {
        return new Options().axis(axis);
    }

    /** Adds a {@code Unpack} node. */
    public static <T extends TType> Unstack<T> create(Scope scope, Operand<T> value, Long num, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Unstack");
        b.addInput(value.asOutput());
        b.setAttr("num", (long) num);
        for (Options o : options) {
            if (o.axis != null) {
                b.setAttr("axis", (long) o.axis);
            }
        }
        return new Unstack<>(b.build());
    }

    /** The outputs, in order. */
    public List<Output<T>> output() {
        List<Output<T>> out = new ArrayList<>();
        for (int i = 0; i < op().numOutputs(); i++) {
            out.add(op().output(i));
        }
        return out;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Iterator<Operand<T>> iterator() {
        return (Iterator) output().iterator();
    }
}
