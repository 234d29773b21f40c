package dev.ember.engine.backend.nd4j;

import dev.ember.engine.DType;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.ElementwiseKernels;
import dev.ember.engine.backend.UnaryOp;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.bool.IsInf;
import org.nd4j.linalg.api.ops.impl.transforms.bool.IsNaN;
import org.nd4j.linalg.api.ops.impl.transforms.floating.RSqrt;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Ceil;
import org.nd4j.linalg.api.ops.impl.transforms.same.Floor;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.same.Reciprocal;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Cos;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Expm1;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log1p;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Rint;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sin;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tan;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/** Elementwise kernels on ND4J, broadcasting explicitly (ND4J's own {@code add} only broadcasts one way). */
final class Nd4jElementwise implements ElementwiseKernels {

    private static String customName(BinaryOp op) {
        switch (op) {
            case ADD: return "add";
            case SUB: return "subtract";
            case MUL: return "multiply";
            case DIV: return "divide";
            case POW: return "Pow";
            case MAXIMUM: return "maximum";
            case MINIMUM: return "minimum";
            case ATAN2: return "tf_atan2";
            case REMAINDER: return "floormod";
            case EQ: return "equals";
            case NE: return "not_equals";
            case LT: return "less";
            case LE: return "less_equal";
            case GT: return "greater";
            case GE: return "greater_equal";
            case LOGICAL_AND: return "boolean_and";
            case LOGICAL_OR: return "boolean_or";
            case LOGICAL_XOR: return "boolean_xor";
            default: throw new IllegalArgumentException("binary op " + op);
        }
    }

    @Override
    public Array binary(BinaryOp op, Array a, Array b) {
        INDArray x = Nd4jArray.of(a);
        INDArray y = Nd4jArray.of(b);
        long[] shape = Nd4jOps.broadcastShape(x.shape(), y.shape());
        DataType outType = op.isComparison() ? DataType.BOOL : x.dataType();
        INDArray out = Nd4jOps.empty(outType, shape);
        if (out.length() == 0) {
            return Nd4jArray.wrap(out);
        }
        exec(op, x, y, out);
        if ((op == BinaryOp.MAXIMUM || op == BinaryOp.MINIMUM) && x.dataType().isFPType()) {
            propagateNaN(x, y, out);
        }
        return Nd4jArray.wrap(out);
    }

    /** libnd4j's maximum/minimum return the other operand where one is NaN; PyTorch's return NaN. */
    private static void propagateNaN(INDArray x, INDArray y, INDArray out) {
        boolean xNan = x.isNaN().any();
        boolean yNan = y.isNaN().any();
        if (!xNan && !yNan) {
            return;
        }
        INDArray nans = Nd4j.valueArrayOf(out.shape(), Double.NaN, out.dataType());
        for (INDArray side : xNan && yNan ? new INDArray[] {x, y} : new INDArray[] {xNan ? x : y}) {
            INDArray mask = broadcast(side, out).isNaN();
            Nd4jOps.run("Where", out, mask, nans, out.dup());
        }
    }

    private static INDArray exec(BinaryOp op, INDArray x, INDArray y, INDArray out) {
        if (op == BinaryOp.ATAN2) {
            // libnd4j's tf_atan2 takes (x, y) and computes atan2(y, x): swap to mean atan2(a, b).
            return Nd4jOps.run("tf_atan2", out, broadcast(y, out), broadcast(x, out));
        }
        if (op == BinaryOp.POW || op == BinaryOp.ATAN2 || op == BinaryOp.LOGICAL_AND
                || op == BinaryOp.LOGICAL_OR || op == BinaryOp.LOGICAL_XOR) {
            // These kernels do not broadcast reliably in M2.1: materialise both sides first.
            return Nd4jOps.run(customName(op), out, broadcast(x, out), broadcast(y, out));
        }
        // Same rank on both sides: libnd4j treats a [1, 1] operand as a scalar and then expects the
        // other operand's (lower-rank) shape for the output, failing e.g. ones(1,1) * ones(2).
        return Nd4jOps.run(customName(op), out, Nd4jOps.padRank(x, out.rank()), Nd4jOps.padRank(y, out.rank()));
    }

    private static INDArray broadcast(INDArray a, INDArray like) {
        return Nd4jOps.broadcastTo(a, like.shape());
    }

    @Override
    public Array binaryScalar(BinaryOp op, Array a, double scalar) {
        INDArray x = Nd4jArray.of(a);
        switch (op) {
            case ADD: return Nd4jArray.wrap(x.add(scalar));
            case SUB: return Nd4jArray.wrap(x.sub(scalar));
            case MUL: return Nd4jArray.wrap(x.mul(scalar));
            case DIV: return Nd4jArray.wrap(x.div(scalar));
            default:
                return binary(op, a, Nd4jArray.wrap(Nd4j.scalar(x.dataType(), scalar)));
        }
    }

    @Override
    public Array scalarBinary(BinaryOp op, double scalar, Array a) {
        INDArray x = Nd4jArray.of(a);
        switch (op) {
            case SUB: return Nd4jArray.wrap(x.rsub(scalar));
            case DIV: return Nd4jArray.wrap(x.rdiv(scalar));
            default:
                return binary(op, Nd4jArray.wrap(Nd4j.scalar(x.dataType(), scalar)), a);
        }
    }

    private static final java.util.Map<UnaryOp, BiFunction<INDArray, INDArray, Op>> UNARY =
            new java.util.EnumMap<>(UnaryOp.class);

    static {
        UNARY.put(UnaryOp.NEG, Negative::new);
        UNARY.put(UnaryOp.ABS, Abs::new);
        UNARY.put(UnaryOp.SIGN, Sign::new);
        UNARY.put(UnaryOp.EXP, Exp::new);
        UNARY.put(UnaryOp.LOG, Log::new);
        UNARY.put(UnaryOp.LOG1P, Log1p::new);
        UNARY.put(UnaryOp.EXPM1, Expm1::new);
        UNARY.put(UnaryOp.SQRT, Sqrt::new);
        UNARY.put(UnaryOp.RSQRT, RSqrt::new);
        UNARY.put(UnaryOp.SQUARE, Square::new);
        UNARY.put(UnaryOp.RECIPROCAL, Reciprocal::new);
        UNARY.put(UnaryOp.SIN, Sin::new);
        UNARY.put(UnaryOp.COS, Cos::new);
        UNARY.put(UnaryOp.TAN, Tan::new);
        UNARY.put(UnaryOp.TANH, Tanh::new);
        UNARY.put(UnaryOp.SIGMOID, Sigmoid::new);
        UNARY.put(UnaryOp.RELU, (x, z) -> new RectifiedLinear(x, z, 0.0));
        UNARY.put(UnaryOp.FLOOR, Floor::new);
        UNARY.put(UnaryOp.CEIL, Ceil::new);
        UNARY.put(UnaryOp.ROUND, Rint::new);
        UNARY.put(UnaryOp.ERF, Erf::new);
        UNARY.put(UnaryOp.ISNAN, IsNaN::new);
        UNARY.put(UnaryOp.ISINF, IsInf::new);
    }

    @Override
    public Array unary(UnaryOp op, Array a) {
        INDArray x = Nd4jArray.of(a);
        boolean boolOut = op == UnaryOp.LOGICAL_NOT || op == UnaryOp.ISNAN || op == UnaryOp.ISINF;
        INDArray out = Nd4jOps.empty(boolOut ? DataType.BOOL : x.dataType(), x.shape());
        if (out.length() == 0) {
            return Nd4jArray.wrap(out);
        }
        if (op == UnaryOp.LOGICAL_NOT) {
            return Nd4jArray.wrap(Nd4jOps.run("boolean_not", out, x));
        }
        Nd4j.exec(UNARY.get(op).apply(x, out));
        return Nd4jArray.wrap(out);
    }

    @Override
    public void binaryInPlace(BinaryOp op, Array a, Array b) {
        INDArray x = Nd4jArray.of(a);
        INDArray y = Nd4jArray.of(b);
        if (x.length() == 0) {
            return;
        }
        long[] shape = Nd4jOps.broadcastShape(x.shape(), y.shape());
        if (!Arrays.equals(shape, x.shape())) {
            throw new IllegalArgumentException("in-place " + op + ": result shape " + Arrays.toString(shape)
                    + " differs from the destination shape " + Arrays.toString(x.shape()));
        }
        exec(op, x, Nd4jOps.broadcastTo(y, shape), x);
    }

    @Override
    public void binaryScalarInPlace(BinaryOp op, Array a, double scalar) {
        INDArray x = Nd4jArray.of(a);
        switch (op) {
            case ADD: x.addi(scalar); return;
            case SUB: x.subi(scalar); return;
            case MUL: x.muli(scalar); return;
            case DIV: x.divi(scalar); return;
            default: binaryInPlace(op, a, Nd4jArray.wrap(Nd4j.scalar(x.dataType(), scalar)));
        }
    }

    @Override
    public void assign(Array dst, Array src) {
        INDArray d = Nd4jArray.of(dst);
        INDArray s = Nd4jArray.of(src);
        if (d.length() == 0) {
            return;
        }
        if (s.dataType() != d.dataType()) {
            s = s.castTo(d.dataType());
        }
        d.assign(Nd4jOps.broadcastTo(s, d.shape()));
    }

    @Override
    public void fill(Array dst, double value) {
        INDArray d = Nd4jArray.of(dst);
        if (d.length() > 0) {
            d.assign(value);
        }
    }

    @Override
    public Array where(Array cond, Array a, Array b) {
        INDArray c = Nd4jArray.of(cond);
        INDArray x = Nd4jArray.of(a);
        INDArray y = Nd4jArray.of(b);
        long[] shape = Nd4jOps.broadcastShape(Nd4jOps.broadcastShape(c.shape(), x.shape()), y.shape());
        INDArray out = Nd4jOps.empty(x.dataType(), shape);
        if (out.length() == 0 || NioWhere.select(c, x, y, out)) {
            return Nd4jArray.wrap(out);
        }
        return Nd4jArray.wrap(Nd4jOps.run("Where", out, Nd4jOps.broadcastTo(c, shape),
                Nd4jOps.broadcastTo(x, shape), Nd4jOps.broadcastTo(y, shape)));
    }

    @Override
    public Array cast(Array a, DType dtype) {
        INDArray x = Nd4jArray.of(a);
        DataType t = Nd4jArray.toNd4j(dtype);
        if (x.length() == 0) {
            return Nd4jArray.wrap(Nd4j.create(t, x.shape()));
        }
        if (x.dataType() == t) {
            return Nd4jArray.wrap(x.dup('c'));
        }
        if ((x.dataType() == DataType.FLOAT || x.dataType() == DataType.DOUBLE) && dtype.isIntegral()) {
            // Like PyTorch, float -> int truncates toward zero; ND4J's cast rounds, so truncate first.
            INDArray truncated = x.dup('c');
            INDArray neg = truncated.lt(0);
            INDArray up = Nd4j.exec(new Ceil(truncated, truncated.ulike()));
            INDArray down = Nd4j.exec(new Floor(truncated, truncated.ulike()));
            INDArray r = Nd4jOps.run("Where", truncated.ulike(), neg, up, down);
            return Nd4jArray.wrap(r.castTo(t));
        }
        return Nd4jArray.wrap(x.castTo(t));
    }
}
