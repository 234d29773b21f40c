package dev.ember.tfcompat.runtime;

import dev.ember.engine.Tensor;
import org.tensorflow.proto.DataType;

/**
 * What flows along a graph edge at run time: an engine tensor with its TF type, a string tensor,
 * a TF1 variable reference (read when a consumer runs, as TF's ref tensors are), or a resource handle.
 *
 * <p>A tensor value has a physical {@link Layout}: {@link Layout#NCHW} values hold an NHWC TF tensor
 * as NCHW (see {@link LayoutPass}). {@link #tensor()} and {@link #shape()} always give the TF tensor
 * and its shape, so code unaware of layouts stays correct; each conversion is done at most once per value.
 */
public final class Value {
    private enum Kind { TENSOR, STRINGS, REF, RESOURCE }

    private final Kind kind;
    private final Tensor tensor;
    private final DataType dtype;
    private final String[] strings;
    private final long[] shape;
    private final VariableSlot slot;
    private final Layout layout;
    /** The other layout's form of the tensor, converted on first request (TENSOR values only). */
    private Tensor converted;

    private Value(Kind kind, Tensor tensor, DataType dtype, String[] strings, long[] shape, VariableSlot slot) {
        this(kind, tensor, dtype, strings, shape, slot, Layout.LOGICAL);
    }

    private Value(Kind kind, Tensor tensor, DataType dtype, String[] strings, long[] shape, VariableSlot slot,
            Layout layout) {
        this.kind = kind;
        this.tensor = tensor;
        this.dtype = dtype;
        this.strings = strings;
        this.shape = shape;
        this.slot = slot;
        this.layout = layout;
    }

    /** An engine tensor carrying TF type {@code dtype}. */
    public static Value of(Tensor tensor, DataType dtype) {
        return new Value(Kind.TENSOR, tensor, dtype, null, null, null);
    }

    /** An NHWC TF tensor of type {@code dtype} held as the rank-4 NCHW engine tensor {@code nchw}. */
    public static Value nchw(Tensor nchw, DataType dtype) {
        if (nchw.dim() != 4) {
            throw new IllegalArgumentException("an NCHW-laid value needs a rank-4 tensor, got "
                    + java.util.Arrays.toString(nchw.shape()));
        }
        return new Value(Kind.TENSOR, nchw, dtype, null, null, null, Layout.NCHW);
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

    /** How the engine tensor holds the TF tensor ({@link Layout#LOGICAL} for everything but tensors). */
    public Layout layout() {
        return layout;
    }

    /** The TF tensor; for a ref, the variable's current value. An NCHW-laid value is converted (once). */
    public Tensor tensor() {
        switch (kind) {
            case TENSOR:
                if (layout == Layout.LOGICAL) {
                    return tensor;
                }
                if (converted == null) {
                    converted = LayoutPass.toNhwc(tensor);
                }
                return converted;
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

    /** The engine tensor as stored: the NCHW form for an NCHW-laid value, else {@link #tensor()}. */
    public Tensor physical() {
        return kind == Kind.TENSOR ? tensor : tensor();
    }

    /**
     * The NCHW form of this value's rank-4 NHWC TF tensor: the stored tensor of an NCHW-laid value,
     * else the TF tensor permuted (once per tensor value; variables are read anew each time).
     */
    public Tensor nchwOfNhwc() {
        if (kind == Kind.TENSOR && layout == Layout.NCHW) {
            return tensor;
        }
        if (kind != Kind.TENSOR) {
            return LayoutPass.toNchw(tensor());
        }
        if (converted == null) {
            converted = LayoutPass.toNchw(tensor);
        }
        return converted;
    }

    /** Dimensions of the TF tensor (never converts a layout). */
    public long[] shape() {
        if (kind == Kind.STRINGS) {
            return shape.clone();
        }
        if (kind == Kind.TENSOR && layout == Layout.NCHW) {
            long[] s = tensor.shape();
            return new long[] {s[0], s[2], s[3], s[1]};
        }
        return tensor().shape();
    }
}
