package dev.ember.tfcompat.runtime;

import dev.ember.engine.Tensor;
import org.tensorflow.proto.DataType;

/**
 * What flows along a graph edge at run time: an engine tensor with its TF type, a string tensor,
 * a TF1 variable reference (read when a consumer runs, as TF's ref tensors are), or a resource handle.
 */
public final class Value {
    private enum Kind { TENSOR, STRINGS, REF, RESOURCE }

    private final Kind kind;
    private final Tensor tensor;
    private final DataType dtype;
    private final String[] strings;
    private final long[] shape;
    private final VariableSlot slot;

    private Value(Kind kind, Tensor tensor, DataType dtype, String[] strings, long[] shape, VariableSlot slot) {
        this.kind = kind;
        this.tensor = tensor;
        this.dtype = dtype;
        this.strings = strings;
        this.shape = shape;
        this.slot = slot;
    }

    /** An engine tensor carrying TF type {@code dtype}. */
    public static Value of(Tensor tensor, DataType dtype) {
        return new Value(Kind.TENSOR, tensor, dtype, null, null, null);
    }

    /** A string tensor. */
    public static Value strings(String[] values, long[] shape) {
        return new Value(Kind.STRINGS, null, DataType.DT_STRING, values, shape, null);
    }

    /** A TF1 reference to a variable. */
    public static Value ref(VariableSlot slot) {
        return new Value(Kind.REF, null, slot.dtype(), null, null, slot);
    }

    /** A resource handle to a variable. */
    public static Value resource(VariableSlot slot) {
        return new Value(Kind.RESOURCE, null, DataType.DT_RESOURCE, null, null, slot);
    }

    public DataType dtype() {
        return dtype;
    }

    public boolean isRef() {
        return kind == Kind.REF;
    }

    public boolean isResource() {
        return kind == Kind.RESOURCE;
    }

    public boolean isStrings() {
        return kind == Kind.STRINGS;
    }

    /** The tensor; for a ref, the variable's current value. */
    public Tensor tensor() {
        switch (kind) {
            case TENSOR: return tensor;
            case REF: return slot.read();
            case STRINGS: throw new IllegalStateException("a string tensor has no numeric engine form");
            default: throw new IllegalStateException("a resource handle is not a tensor; read it with ReadVariableOp");
        }
    }

    /** The variable behind a ref or resource value. */
    public VariableSlot slot() {
        if (slot == null) {
            throw new IllegalStateException("not a variable reference (kind " + kind + ")");
        }
        return slot;
    }

    public String[] strings() {
        return strings;
    }

    /** Dimensions of a tensor or string value. */
    public long[] shape() {
        return kind == Kind.STRINGS ? shape.clone() : tensor().shape();
    }
}
