package dev.ember.tfcompat.runtime.kernels;

import static org.tensorflow.proto.DataType.DT_BOOL;
import static org.tensorflow.proto.DataType.DT_DOUBLE;
import static org.tensorflow.proto.DataType.DT_FLOAT;
import static org.tensorflow.proto.DataType.DT_INT32;
import static org.tensorflow.proto.DataType.DT_INT64;
import static org.tensorflow.proto.DataType.DT_UINT8;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.runtime.Attrs;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * What the math and array kernels share: TF's type sets and its rule that the inputs of one op
 * share a type (TF never converts), integer arguments read from tensors (shapes, axes, sizes),
 * axis normalisation with TF's messages, static shapes, and results in the node's declared type.
 */
final class TfArgs {
    static final Set<DataType> FLOATS = EnumSet.of(DT_FLOAT, DT_DOUBLE);
    static final Set<DataType> INDEX = EnumSet.of(DT_INT32, DT_INT64);
    static final Set<DataType> INTS = EnumSet.of(DT_INT32, DT_INT64, DT_UINT8);
    static final Set<DataType> NUMBERS = EnumSet.of(DT_FLOAT, DT_DOUBLE, DT_INT32, DT_INT64, DT_UINT8);
    static final Set<DataType> SIGNED = EnumSet.of(DT_FLOAT, DT_DOUBLE, DT_INT32, DT_INT64);
    static final Set<DataType> ANY = EnumSet.of(DT_FLOAT, DT_DOUBLE, DT_INT32, DT_INT64, DT_UINT8, DT_BOOL);

    private TfArgs() {
    }

    /** TF's short type name ({@code float}, {@code int32}) or the enum name for types tfcompat lacks. */
    static String name(DataType t) {
        return TypeInfo.isSupported(t) ? TypeInfo.of(t).tfName() : t.name();
    }

    /** Throws unless inputs {@code from..to-1} share one type (TF's single attr {@code T}); returns it. */
    static DataType sameType(NodeView n, int from, int to) {
        DataType t = n.inputType(from);
        for (int i = from + 1; i < to; i++) {
            if (n.inputType(i) != t) {
                throw n.invalid("inconsistent values for attr 'T': input " + from + " is " + name(t) + " but input " + i
                        + " is " + name(n.inputType(i)) + " (TF does not convert types: cast one input first)");
            }
        }
        return t;
    }

    /** Throws unless {@code t} (the value of attr {@code attr}) is in {@code allowed}. */
    static DataType allowed(NodeView n, String attr, DataType t, Set<DataType> allowed) {
        if (!allowed.contains(t)) {
            throw n.invalid("value for attr '" + attr + "' of " + name(t) + " is not in the list of allowed values: "
                    + allowed.stream().map(TfArgs::name).collect(Collectors.joining(", ")));
        }
        return t;
    }

    /** The type of input {@code i}, checked against {@code allowed} (attr {@code attr}). */
    static DataType input(NodeView n, int i, String attr, Set<DataType> allowed) {
        return allowed(n, attr, n.inputType(i), allowed);
    }

    /** The values of integer input {@code i} (a shape, axes, sizes), as longs. */
    static long[] longs(KernelContext ctx, int i) {
        return ctx.input(i).toLongArray();
    }

    /** The value of scalar (or one-element) integer input {@code i}, named {@code what} in errors. */
    static long scalar(KernelContext ctx, int i, String what) {
        Tensor t = ctx.input(i);
        if (t.numel() != 1) {
            throw ctx.invalid(what + " must be a scalar, got shape " + dims(t.shape()));
        }
        return t.toLongArray()[0];
    }

    /** Checks that integer input {@code i} is a vector; returns its values. */
    static long[] vector(KernelContext ctx, int i, String what) {
        Tensor t = ctx.input(i);
        if (t.dim() != 1) {
            throw ctx.invalid(what + " must be a vector, got shape " + dims(t.shape()));
        }
        return t.toLongArray();
    }

    /** {@code axis} normalised into {@code [0, rank)}; TF's message when out of range. */
    static int axis(Attrs node, long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw node.invalid("Expected axis in the range [" + -rank + ", " + rank + "), but got " + axis);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** The values of input {@code i} when it is a constant (for static shapes). */
    static Optional<long[]> constant(NodeView n, int i) {
        return n.constantInput(i).map(t -> TypeInfo.toEngine(t).toLongArray());
    }

    /** A shape of unknown dimensions whose rank is the (known) length of vector input {@code i}. */
    static Shape unknownOfLength(NodeView n, int i) {
        Shape s = n.inputShape(i);
        if (s.isUnknown() || s.numDimensions() != 1 || s.size(0) < 0) {
            return Shape.unknown();
        }
        long[] d = new long[(int) s.size(0)];
        java.util.Arrays.fill(d, -1);
        return Shape.of(d);
    }

    /** Broadcast of two static shapes; a known mismatch is TF's build-time error. */
    static Shape broadcast(NodeView n, Shape a, Shape b) {
        if (a.isUnknown() || b.isUnknown()) {
            return Shape.unknown();
        }
        int rank = Math.max(a.numDimensions(), b.numDimensions());
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.numDimensions() ? 1 : a.size(i - (rank - a.numDimensions()));
            long db = i < rank - b.numDimensions() ? 1 : b.size(i - (rank - b.numDimensions()));
            if (da >= 0 && db >= 0 && da != db && da != 1 && db != 1) {
                throw n.invalid("Dimensions must be equal, but are " + da + " and " + db + "; input shapes: "
                        + text(a) + ", " + text(b));
            }
            out[i] = da == 1 ? db : db == 1 ? da : Math.max(da, db);
        }
        return Shape.of(out);
    }

    /** NumPy broadcast of two run-time shapes, with TF's message on a mismatch. */
    static long[] broadcast(Attrs node, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw node.invalid("Incompatible shapes: " + dims(a) + " vs. " + dims(b));
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** {@code [2,3]}, as TF prints shapes. */
    static String dims(long[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ",").append(shape[i]);
        }
        return sb.append(']').toString();
    }

    /** A static shape as TF prints it ({@code ?} for unknown). */
    static String text(Shape s) {
        return s.isUnknown() ? "<unknown>" : CoreKernels.shapeText(s);
    }

    /** One output of {@code type} and {@code shape}. */
    static OutputSpec[] one(DataType type, Shape shape) {
        return new OutputSpec[] {new OutputSpec(type, shape)};
    }

    /** {@code t} as output 0 of the node, in its declared type. */
    static Value[] out(KernelContext ctx, Tensor t) {
        return new Value[] {Value.of(as(t, ctx.outputType(0)), ctx.outputType(0))};
    }

    /** {@code t} in the engine form of TF type {@code type}: uint8 wraps modulo 256 as C++ does. */
    static Tensor as(Tensor t, DataType type) {
        if (type == DT_UINT8) {
            return wrapUint8(t);
        }
        DType want = TypeInfo.of(type).engine();
        return t.dtype() == want ? t : t.to(want);
    }

    private static Tensor wrapUint8(Tensor t) {
        long[] v = (t.dtype().isFloatingPoint() ? t.to(DType.INT64) : t).toLongArray();
        int[] w = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = (int) (v[i] & 0xFF);
        }
        return Tensor.fromArray(w, t.shape());
    }

    /** A rank-1 int tensor of TF type {@code type} holding {@code values}. */
    static Tensor vectorOf(long[] values, DataType type) {
        Tensor t = Tensor.fromArray(values.clone(), values.length);
        return as(t, type);
    }
}
