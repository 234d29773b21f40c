package dev.ember.engine;

import dev.ember.engine.autograd.AccumulateGrad;
import dev.ember.engine.autograd.Autograd;
import dev.ember.engine.autograd.Edge;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.RemovableHandle;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Creation;
import dev.ember.engine.internal.InPlace;
import dev.ember.engine.internal.Shapes;
import dev.ember.engine.internal.TensorFormatter;
import dev.ember.engine.ops.elementwise.Abs;
import dev.ember.engine.ops.elementwise.Add;
import dev.ember.engine.ops.elementwise.Ceil;
import dev.ember.engine.ops.elementwise.Clamp;
import dev.ember.engine.ops.elementwise.ClampMax;
import dev.ember.engine.ops.elementwise.ClampMin;
import dev.ember.engine.ops.elementwise.Compare;
import dev.ember.engine.ops.elementwise.Cos;
import dev.ember.engine.ops.elementwise.Div;
import dev.ember.engine.ops.elementwise.Elu;
import dev.ember.engine.ops.elementwise.Erf;
import dev.ember.engine.ops.elementwise.Exp;
import dev.ember.engine.ops.elementwise.Expm1;
import dev.ember.engine.ops.elementwise.Floor;
import dev.ember.engine.ops.elementwise.Gelu;
import dev.ember.engine.ops.elementwise.IsInf;
import dev.ember.engine.ops.elementwise.IsNan;
import dev.ember.engine.ops.elementwise.LeakyRelu;
import dev.ember.engine.ops.elementwise.Log1p;
import dev.ember.engine.ops.elementwise.Log;
import dev.ember.engine.ops.elementwise.LogSoftmax;
import dev.ember.engine.ops.elementwise.Logical;
import dev.ember.engine.ops.elementwise.Maximum;
import dev.ember.engine.ops.elementwise.Minimum;
import dev.ember.engine.ops.elementwise.Mul;
import dev.ember.engine.ops.elementwise.Neg;
import dev.ember.engine.ops.elementwise.Pow;
import dev.ember.engine.ops.elementwise.Reciprocal;
import dev.ember.engine.ops.elementwise.Relu;
import dev.ember.engine.ops.elementwise.Round;
import dev.ember.engine.ops.elementwise.Rsqrt;
import dev.ember.engine.ops.elementwise.Sigmoid;
import dev.ember.engine.ops.elementwise.Sign;
import dev.ember.engine.ops.elementwise.Sin;
import dev.ember.engine.ops.elementwise.Softmax;
import dev.ember.engine.ops.elementwise.Softplus;
import dev.ember.engine.ops.elementwise.Sqrt;
import dev.ember.engine.ops.elementwise.Sub;
import dev.ember.engine.ops.elementwise.Tanh;
import dev.ember.engine.ops.elementwise.Where;
import dev.ember.engine.ops.linalg.Bmm;
import dev.ember.engine.ops.linalg.Dot;
import dev.ember.engine.ops.linalg.Matmul;
import dev.ember.engine.ops.linalg.Mm;
import dev.ember.engine.ops.linalg.Mv;
import dev.ember.engine.ops.linalg.Outer;
import dev.ember.engine.ops.reduce.Amax;
import dev.ember.engine.ops.reduce.Argmax;
import dev.ember.engine.ops.reduce.Logsumexp;
import dev.ember.engine.ops.reduce.Max;
import dev.ember.engine.ops.reduce.MaxDim;
import dev.ember.engine.ops.reduce.Mean;
import dev.ember.engine.ops.reduce.Norm;
import dev.ember.engine.ops.reduce.Prod;
import dev.ember.engine.ops.reduce.Std;
import dev.ember.engine.ops.reduce.Sum;
import dev.ember.engine.ops.reduce.Var;
import dev.ember.engine.ops.shape.Cat;
import dev.ember.engine.ops.shape.Clone;
import dev.ember.engine.ops.shape.Expand;
import dev.ember.engine.ops.shape.Flatten;
import dev.ember.engine.ops.shape.Flip;
import dev.ember.engine.ops.shape.Gather;
import dev.ember.engine.ops.shape.IndexAdd;
import dev.ember.engine.ops.shape.IndexSelect;
import dev.ember.engine.ops.shape.Permute;
import dev.ember.engine.ops.shape.Repeat;
import dev.ember.engine.ops.shape.ScatterAdd;
import dev.ember.engine.ops.shape.Select;
import dev.ember.engine.ops.shape.Slice;
import dev.ember.engine.ops.shape.SliceScatter;
import dev.ember.engine.ops.shape.Split;
import dev.ember.engine.ops.shape.Squeeze;
import dev.ember.engine.ops.shape.Stack;
import dev.ember.engine.ops.shape.ToCopy;
import dev.ember.engine.ops.shape.Transpose;
import dev.ember.engine.ops.shape.Unbind;
import dev.ember.engine.ops.shape.Unsqueeze;
import dev.ember.engine.ops.shape.View;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An n-dimensional array with autograd; the engine's {@code torch.Tensor}.
 *
 * <p>This class is a thin facade: each op is one delegating line to its file under
 * {@code dev.ember.engine.ops}, where its forward and backward live together.
 *
 * <p>Creation and dtypes: {@code of(...)} mirrors {@code torch.tensor(list)}, so Java's default
 * literal types map to PyTorch's defaults ({@code double} values give float32, {@code int} values
 * give int64); {@code fromArray(data, shape)} mirrors {@code torch.from_numpy} and keeps the Java
 * element type ({@code double[]} gives float64, {@code int[]} gives int32).
 */
public final class Tensor {
    private Array data;
    private final long[] version;
    private final Tensor viewBase;
    private boolean requiresGrad;
    private Node gradFn;
    private int outputNr;
    private AccumulateGrad accumulator;
    private Tensor grad;
    private boolean retainsGrad;

    private Tensor(Array data, long[] version, Tensor viewBase) {
        this.data = data;
        this.version = version;
        this.viewBase = viewBase;
    }

    // ---------------------------------------------------------------- engine internals

    /** Engine internal: a tensor over a new backend array (no history). */
    public static Tensor wrap(Array data) {
        return new Tensor(data, new long[1], null);
    }

    /** Engine internal: a tensor over {@code data}, a view sharing {@code of}'s storage and version counter. */
    public static Tensor wrapView(Array data, Tensor of) {
        return new Tensor(data, of.version, of.viewBase != null ? of.viewBase : of);
    }

    /** Engine internal: the backend array under this tensor. */
    public Array array() {
        return data;
    }

    /** Engine internal: the edge a gradient for this tensor flows along (its gradFn, or its leaf accumulator). */
    public Edge gradientEdge() {
        if (!requiresGrad) {
            return Edge.NONE;
        }
        if (gradFn != null) {
            return new Edge(gradFn, outputNr);
        }
        if (accumulator == null) {
            accumulator = new AccumulateGrad(this);
        }
        return new Edge(accumulator, 0);
    }

    /** Engine internal: makes this tensor output {@code outputNr} of {@code node}. */
    public void attachGradFn(Node node, int outputNr) {
        this.gradFn = node;
        this.outputNr = outputNr;
        this.requiresGrad = true;
    }

    /** Engine internal: marks an in-place modification (saved copies of this tensor become invalid). */
    public void bumpVersion() {
        version[0]++;
    }

    /**
     * Replaces this tensor's storage with {@code source}'s (shape and dtype may change), keeping its
     * identity, {@code requiresGrad} and {@code grad}; mirrors assigning {@code param.data = source}.
     * Used by {@code Module.to(dtype)}; not recorded by autograd.
     */
    public void setData(Tensor source) {
        if (gradFn != null) {
            throw new IllegalStateException("setData: only leaf tensors can have their data replaced");
        }
        if (requiresGrad && !source.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("setData: a tensor that requires grad needs floating-point data, got "
                    + source.dtype());
        }
        this.data = source.data;
        bumpVersion();
    }

    /** The in-place modification counter, shared with views; mirrors {@code tensor._version}. */
    public long version() {
        return version[0];
    }

    /** The tensor this one is a view of, or {@code null}; mirrors {@code tensor._base}. */
    public Tensor base() {
        return viewBase;
    }

    // ---------------------------------------------------------------- creation

    /** Zeros of float32; mirrors {@code torch.zeros}. */
    public static Tensor zeros(long... shape) {
        return zeros(DType.FLOAT32, shape);
    }

    /** Zeros of {@code dtype}. */
    public static Tensor zeros(DType dtype, long... shape) {
        return Creation.full(shape, 0, dtype);
    }

    /** Ones of float32; mirrors {@code torch.ones}. */
    public static Tensor ones(long... shape) {
        return ones(DType.FLOAT32, shape);
    }

    /** Ones of {@code dtype}. */
    public static Tensor ones(DType dtype, long... shape) {
        return Creation.full(shape, 1, dtype);
    }

    /** Filled with {@code value}, float32; mirrors {@code torch.full}. */
    public static Tensor full(double value, long... shape) {
        return Creation.full(shape, value, DType.FLOAT32);
    }

    /** Filled with {@code value} of {@code dtype}. */
    public static Tensor full(double value, DType dtype, long... shape) {
        return Creation.full(shape, value, dtype);
    }

    /** Uninitialised in PyTorch; here zero-filled (ND4J gives no cheaper safe option). Mirrors {@code torch.empty}. */
    public static Tensor empty(long... shape) {
        return zeros(shape);
    }

    /** Zeros with {@code t}'s shape and dtype; mirrors {@code torch.zeros_like}. */
    public static Tensor zerosLike(Tensor t) {
        return zeros(t.dtype(), t.shape());
    }

    /** Ones with {@code t}'s shape and dtype; mirrors {@code torch.ones_like}. */
    public static Tensor onesLike(Tensor t) {
        return ones(t.dtype(), t.shape());
    }

    /** {@code 0, 1, ..., end-1} as int64; mirrors {@code torch.arange(end)}. */
    public static Tensor arange(long end) {
        return Creation.arange(0, end, 1, DType.INT64);
    }

    /** {@code start, start+step, ...} below {@code end}, float32; mirrors {@code torch.arange(start, end, step)}. */
    public static Tensor arange(double start, double end, double step) {
        return Creation.arange(start, end, step, DType.FLOAT32);
    }

    /** Like {@link #arange(double, double, double)} with an explicit dtype. */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        return Creation.arange(start, end, step, dtype);
    }

    /** {@code steps} evenly spaced float32 values from start to end inclusive; mirrors {@code torch.linspace}. */
    public static Tensor linspace(double start, double end, long steps) {
        return Creation.linspace(start, end, steps, DType.FLOAT32);
    }

    /** The n x n identity, float32; mirrors {@code torch.eye}. */
    public static Tensor eye(long n) {
        return Creation.eye(n, n, DType.FLOAT32);
    }

    /** An n x m matrix with ones on the diagonal, float32. */
    public static Tensor eye(long n, long m) {
        return Creation.eye(n, m, DType.FLOAT32);
    }

    /** Uniform [0, 1) float32 from the default generator; mirrors {@code torch.rand}. */
    public static Tensor rand(long... shape) {
        return Creation.rand(null, shape, DType.FLOAT32);
    }

    /** Uniform [0, 1) float32 from {@code generator}. */
    public static Tensor rand(Generator generator, long... shape) {
        return Creation.rand(generator, shape, DType.FLOAT32);
    }

    /** Standard normal float32 from the default generator; mirrors {@code torch.randn}. */
    public static Tensor randn(long... shape) {
        return Creation.randn(null, shape, DType.FLOAT32);
    }

    /** Standard normal float32 from {@code generator}. */
    public static Tensor randn(Generator generator, long... shape) {
        return Creation.randn(generator, shape, DType.FLOAT32);
    }

    /** Uniform int64 in [low, high); mirrors {@code torch.randint}. */
    public static Tensor randint(long low, long high, long... shape) {
        return Creation.randint(null, low, high, shape, DType.INT64);
    }

    /** Uniform int64 in [low, high) from {@code generator}. */
    public static Tensor randint(Generator generator, long low, long high, long... shape) {
        return Creation.randint(generator, low, high, shape, DType.INT64);
    }

    /** A random permutation of 0..n-1 (int64); mirrors {@code torch.randperm}. */
    public static Tensor randperm(long n) {
        return Creation.randperm(null, n);
    }

    /** A float32 scalar (0-d); mirrors {@code torch.tensor(2.0)}. */
    public static Tensor scalar(float value) {
        return wrap(Kernels.creation().fromFloats(new float[] {value}, new long[0]));
    }

    /** A float32 scalar (PyTorch's default float), whatever Java's literal type. */
    public static Tensor scalar(double value) {
        return scalar(value, DType.FLOAT32);
    }

    /** An int64 scalar; mirrors {@code torch.tensor(3)}. */
    public static Tensor scalar(long value) {
        return wrap(Kernels.creation().fromLongs(new long[] {value}, new long[0], DType.INT64));
    }

    /** A bool scalar. */
    public static Tensor scalar(boolean value) {
        return wrap(Kernels.creation().fromBooleans(new boolean[] {value}, new long[0]));
    }

    /** A scalar of {@code dtype}. */
    public static Tensor scalar(double value, DType dtype) {
        return wrap(Kernels.creation().fromDoubles(new double[] {value}, new long[0], dtype));
    }

    /** A 1-D float32 tensor; mirrors {@code torch.tensor([1., 2.])}. */
    public static Tensor of(float... values) {
        return fromArray(values, values.length);
    }

    /** A 1-D float32 tensor (PyTorch's default float for Python floats); use {@link #fromArray(double[], long...)} for float64. */
    public static Tensor of(double... values) {
        return wrap(Kernels.creation().fromDoubles(values, new long[] {values.length}, DType.FLOAT32));
    }

    /** A 1-D int64 tensor (PyTorch's default integer type); mirrors {@code torch.tensor([1, 2])}. */
    public static Tensor of(int... values) {
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = values[i];
        }
        return fromArray(l, l.length);
    }

    /** A 1-D int64 tensor. */
    public static Tensor of(long... values) {
        return fromArray(values, values.length);
    }

    /** A 1-D bool tensor. */
    public static Tensor of(boolean... values) {
        return fromArray(values, values.length);
    }

    /** A 2-D float32 tensor from rows of equal length. */
    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("Tensor.of: row " + i + " has " + rows[i].length
                        + " values, expected " + cols + " like row 0");
            }
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return fromArray(flat, rows.length, cols);
    }

    /** A 2-D float32 tensor from rows of equal length (doubles, as Java literals are). */
    public static Tensor of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("Tensor.of: row " + i + " has " + rows[i].length
                        + " values, expected " + cols + " like row 0");
            }
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return wrap(Kernels.creation().fromDoubles(flat, new long[] {rows.length, cols}, DType.FLOAT32));
    }

    /** A 3-D float32 tensor from a rectangular nested array; mirrors {@code torch.tensor(nested_list)}. */
    public static Tensor of(float[][][] values) {
        return Creation.nested(values);
    }

    /** A 4-D float32 tensor (e.g. an NHWC image batch) from a rectangular nested array. */
    public static Tensor of(float[][][][] values) {
        return Creation.nested(values);
    }

    /** A 2-D int64 tensor from rows of equal length. */
    public static Tensor of(long[][] rows) {
        return Creation.nested(rows);
    }

    /** float32 tensor of {@code shape} over row-major {@code data}; mirrors {@code torch.from_numpy}. */
    public static Tensor fromArray(float[] data, long... shape) {
        checkLength("fromArray", data.length, shape);
        return wrap(Kernels.creation().fromFloats(data, shape));
    }

    /** float64 tensor of {@code shape} over row-major {@code data}. */
    public static Tensor fromArray(double[] data, long... shape) {
        checkLength("fromArray", data.length, shape);
        return wrap(Kernels.creation().fromDoubles(data, shape, DType.FLOAT64));
    }

    /** int64 tensor of {@code shape} over row-major {@code data}. */
    public static Tensor fromArray(long[] data, long... shape) {
        checkLength("fromArray", data.length, shape);
        return wrap(Kernels.creation().fromLongs(data, shape, DType.INT64));
    }

    /** int32 tensor of {@code shape} over row-major {@code data}. */
    public static Tensor fromArray(int[] data, long... shape) {
        checkLength("fromArray", data.length, shape);
        return wrap(Kernels.creation().fromInts(data, shape));
    }

    /** bool tensor of {@code shape} over row-major {@code data}. */
    public static Tensor fromArray(boolean[] data, long... shape) {
        checkLength("fromArray", data.length, shape);
        return wrap(Kernels.creation().fromBooleans(data, shape));
    }

    /** A tensor of {@code dtype} read from little-endian element bytes (safetensors, TF bundles). */
    public static Tensor fromBytes(java.nio.ByteBuffer littleEndian, DType dtype, long... shape) {
        Shapes.checkSizes("fromBytes", shape);
        return wrap(Kernels.creation().fromBytes(littleEndian, shape, dtype));
    }

    private static void checkLength(String op, int length, long[] shape) {
        long n = Shapes.numel(Shapes.checkSizes(op, shape));
        if (n != length) {
            throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + length);
        }
    }

    // ---------------------------------------------------------------- properties and conversion

    /** The dimensions; a fresh array. Mirrors {@code tensor.shape}. */
    public long[] shape() {
        return data.shape();
    }

    /** Size of dimension {@code dim} (negative counts from the end); mirrors {@code tensor.size(dim)}. */
    public long size(int dim) {
        return data.shape()[Shapes.dim("size", dim, dim())];
    }

    /** Number of dimensions; mirrors {@code tensor.dim()}. */
    public int dim() {
        return data.rank();
    }

    /** Number of elements; mirrors {@code tensor.numel()}. */
    public long numel() {
        return data.numel();
    }

    /** Element type. */
    public DType dtype() {
        return data.dtype();
    }

    /** Where the tensor lives. */
    public Device device() {
        return Device.current();
    }

    /** The single value as a Java number; mirrors {@code tensor.item()}. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("item(): a Tensor with " + numel()
                    + " elements cannot be converted to a scalar (shape " + Arrays.toString(shape()) + ")");
        }
        return Kernels.creation().getDouble(data, 0);
    }

    /** All values, row-major, as floats. */
    public float[] toFloatArray() {
        return Kernels.creation().toFloats(data);
    }

    /** All values, row-major, as doubles. */
    public double[] toDoubleArray() {
        return Kernels.creation().toDoubles(data);
    }

    /** All values, row-major, as longs (floats truncate toward zero). */
    public long[] toLongArray() {
        return Kernels.creation().toLongs(data);
    }

    /** All values, row-major, as little-endian bytes of this dtype. */
    public java.nio.ByteBuffer toBytes() {
        return Kernels.creation().toBytes(data);
    }

    /** This tensor converted to {@code dtype} (itself when already so); mirrors {@code tensor.to(dtype)}. */
    public Tensor to(DType dtype) {
        return dtype == dtype() ? this : ToCopy.apply(this, dtype);
    }

    /** This tensor on {@code device}; the build has one device, so anything else is an error. */
    public Tensor to(Device device) {
        device.requireAvailable();
        return this;
    }

    /** {@code true} when values match within {@code rtol * |other| + atol}; NaNs never match. Mirrors {@code torch.allclose}. */
    public boolean allClose(Tensor other, double rtol, double atol) {
        long[] s = Shapes.broadcast("allClose", shape(), other.shape());
        double[] a = broadcastTo(s).detach().toDoubleArray();
        double[] b = other.broadcastTo(s).detach().toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= atol + rtol * Math.abs(b[i])) && !(a[i] == b[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@link #allClose(Tensor, double, double)} with PyTorch's defaults rtol=1e-5, atol=1e-8. */
    public boolean allClose(Tensor other) {
        return allClose(other, 1e-5, 1e-8);
    }

    /** {@code true} when shapes and all values are equal; mirrors {@code torch.equal}. */
    public boolean equal(Tensor other) {
        return Arrays.equals(shape(), other.shape())
                && Arrays.equals(detach().toDoubleArray(), other.detach().toDoubleArray());
    }

    // ---------------------------------------------------------------- autograd

    /** Whether gradients are recorded for this tensor; mirrors {@code tensor.requires_grad}. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Sets {@code requiresGrad} on a leaf; returns this. Mirrors {@code tensor.requires_grad_()}. */
    public Tensor requiresGrad_(boolean requires) {
        if (requires && !dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("requiresGrad_: only floating-point tensors can require gradients, "
                    + "this one is " + dtype());
        }
        if (gradFn != null && !requires) {
            throw new IllegalStateException("requiresGrad_(false): you can only change requiresGrad of leaf "
                    + "tensors; use detach() to get a tensor without history");
        }
        this.requiresGrad = requires;
        return this;
    }

    /** The accumulated gradient, or {@code null}; mirrors {@code tensor.grad}. */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the gradient ({@code null} clears it); mirrors assigning {@code tensor.grad}. */
    public void setGrad(Tensor grad) {
        if (grad != null && !Arrays.equals(grad.shape(), shape())) {
            throw new IllegalArgumentException("setGrad: gradient shape " + Arrays.toString(grad.shape())
                    + " does not match tensor shape " + Arrays.toString(shape()));
        }
        this.grad = grad;
    }

    /** The node that created this tensor, {@code null} for leaves; mirrors {@code tensor.grad_fn}. */
    public Node gradFn() {
        return gradFn;
    }

    /** {@code true} when not created by a recorded op; mirrors {@code tensor.is_leaf}. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** Computes gradients of this scalar with respect to the graph's leaves; mirrors {@code tensor.backward()}. */
    public void backward() {
        backward(null, false, false);
    }

    /** Vector-Jacobian product with {@code gradient} (same shape as this). */
    public void backward(Tensor gradient) {
        backward(gradient, false, false);
    }

    /** Backward with PyTorch's {@code retain_graph} and {@code create_graph} options. */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        Autograd.backward(new Tensor[] {this}, new Tensor[] {gradient}, retainGraph, createGraph);
    }

    /** A tensor sharing data but with no history; mirrors {@code tensor.detach()}. */
    public Tensor detach() {
        return wrapView(data, this);
    }

    /**
     * Registers {@code hook(grad)} to run when this tensor's gradient is computed; a non-null result
     * replaces the gradient. Mirrors {@code tensor.register_hook}.
     */
    public RemovableHandle registerHook(UnaryOperator<Tensor> hook) {
        if (!requiresGrad) {
            throw new IllegalStateException("registerHook: cannot register a hook on a tensor that doesn't require "
                    + "gradient");
        }
        Edge e = gradientEdge();
        return e.function().registerPreHook(e.inputNr(), hook);
    }

    /** Keeps this non-leaf tensor's gradient in {@link #grad()} after backward; mirrors {@code retain_grad()}. */
    public Tensor retainGrad() {
        if (gradFn == null || retainsGrad) {
            return this;
        }
        retainsGrad = true;
        gradFn.registerPreHook(outputNr, g -> {
            try (NoGrad ignored = NoGrad.enter()) {
                grad = grad == null ? g.clone() : grad.add(g);
            }
            return null;
        });
        return this;
    }

    /** {@code true} after {@link #retainGrad()} on a non-leaf. */
    public boolean retainsGrad() {
        return retainsGrad;
    }

    // ---------------------------------------------------------------- elementwise (ops/elementwise)

    /** {@code this + other} with broadcasting; mirrors {@code torch.add}. */
    public Tensor add(Tensor other) {
        return Add.apply(this, other);
    }

    /** {@code this + value}. */
    public Tensor add(double value) {
        return Add.apply(this, scalarLike(value));
    }

    /** {@code this + alpha * other}; mirrors {@code torch.add(x, y, alpha=...)}. */
    public Tensor add(Tensor other, double alpha) {
        return Add.apply(this, alpha == 1 ? other : other.mul(alpha));
    }

    /** {@code this - other} with broadcasting; mirrors {@code torch.sub}. */
    public Tensor sub(Tensor other) {
        return Sub.apply(this, other);
    }

    /** {@code this - value}. */
    public Tensor sub(double value) {
        return Sub.apply(this, scalarLike(value));
    }

    /** {@code this * other} with broadcasting; mirrors {@code torch.mul}. */
    public Tensor mul(Tensor other) {
        return Mul.apply(this, other);
    }

    /** {@code this * value}. */
    public Tensor mul(double value) {
        return Mul.apply(this, scalarLike(value));
    }

    /** True division {@code this / other} (ints give float32); mirrors {@code torch.div}. */
    public Tensor div(Tensor other) {
        return Div.apply(this, other);
    }

    /** {@code this / value}. */
    public Tensor div(double value) {
        return Div.apply(this, scalarLike(value));
    }

    /** {@code this ** exponent} elementwise, broadcasting; mirrors {@code torch.pow} (grad_fn PowBackward1). */
    public Tensor pow(Tensor exponent) {
        return Pow.apply(this, exponent);
    }

    /** {@code this ** exponent} for a constant exponent (grad_fn PowBackward0). */
    public Tensor pow(double exponent) {
        return Pow.Scalar.apply(this, exponent);
    }

    /** {@code -this}; mirrors {@code torch.neg}. */
    public Tensor neg() {
        return Neg.apply(this);
    }

    /** {@code e ** this}; mirrors {@code torch.exp}. */
    public Tensor exp() {
        return Exp.apply(this);
    }

    /** Natural logarithm; mirrors {@code torch.log}. */
    public Tensor log() {
        return Log.apply(this);
    }

    /** {@code cond ? a : b} elementwise with broadcasting; mirrors {@code torch.where}. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return Where.apply(cond, a, b);
    }

    // ---------------------------------------------------------------- comparisons (ops/elementwise/Compare)

    /** {@code this == other} elementwise (bool); mirrors {@code torch.eq}. */
    public Tensor eq(Tensor other) {
        return Compare.apply("eq", BinaryOp.EQ, this, other);
    }

    /** {@code this == value} elementwise (bool). */
    public Tensor eq(double value) {
        return Compare.apply("eq", BinaryOp.EQ, this, scalarLike(value));
    }

    /** {@code this != other} elementwise (bool); mirrors {@code torch.ne}. */
    public Tensor ne(Tensor other) {
        return Compare.apply("ne", BinaryOp.NE, this, other);
    }

    /** {@code this != value} elementwise (bool). */
    public Tensor ne(double value) {
        return Compare.apply("ne", BinaryOp.NE, this, scalarLike(value));
    }

    /** {@code this < other} elementwise (bool); mirrors {@code torch.lt}. */
    public Tensor lt(Tensor other) {
        return Compare.apply("lt", BinaryOp.LT, this, other);
    }

    /** {@code this < value} elementwise (bool). */
    public Tensor lt(double value) {
        return Compare.apply("lt", BinaryOp.LT, this, scalarLike(value));
    }

    /** {@code this <= other} elementwise (bool); mirrors {@code torch.le}. */
    public Tensor le(Tensor other) {
        return Compare.apply("le", BinaryOp.LE, this, other);
    }

    /** {@code this <= value} elementwise (bool). */
    public Tensor le(double value) {
        return Compare.apply("le", BinaryOp.LE, this, scalarLike(value));
    }

    /** {@code this > other} elementwise (bool); mirrors {@code torch.gt}. */
    public Tensor gt(Tensor other) {
        return Compare.apply("gt", BinaryOp.GT, this, other);
    }

    /** {@code this > value} elementwise (bool). */
    public Tensor gt(double value) {
        return Compare.apply("gt", BinaryOp.GT, this, scalarLike(value));
    }

    /** {@code this >= other} elementwise (bool); mirrors {@code torch.ge}. */
    public Tensor ge(Tensor other) {
        return Compare.apply("ge", BinaryOp.GE, this, other);
    }

    /** {@code this >= value} elementwise (bool). */
    public Tensor ge(double value) {
        return Compare.apply("ge", BinaryOp.GE, this, scalarLike(value));
    }

    // ---------------------------------------------------------------- more elementwise math (ops/elementwise)

    /** {@code log(1 + this)}, accurate near 0; mirrors {@code torch.log1p}. */
    public Tensor log1p() {
        return Log1p.apply(this);
    }

    /** {@code exp(this) - 1}, accurate near 0; mirrors {@code torch.expm1}. */
    public Tensor expm1() {
        return Expm1.apply(this);
    }

    /** Square root; mirrors {@code torch.sqrt}. */
    public Tensor sqrt() {
        return Sqrt.apply(this);
    }

    /** {@code 1 / sqrt(this)}; mirrors {@code torch.rsqrt}. */
    public Tensor rsqrt() {
        return Rsqrt.apply(this);
    }

    /** Absolute value; mirrors {@code torch.abs}. */
    public Tensor abs() {
        return Abs.apply(this);
    }

    /** -1, 0 or 1 by sign; mirrors {@code torch.sign}. */
    public Tensor sign() {
        return Sign.apply(this);
    }

    /** {@code this * this}; mirrors {@code torch.square} (which PyTorch records as {@code PowBackward0}). */
    public Tensor square() {
        return Pow.Scalar.apply(this, 2);
    }

    /** {@code 1 / this}; mirrors {@code torch.reciprocal}. */
    public Tensor reciprocal() {
        return Reciprocal.apply(this);
    }

    /** Sine; mirrors {@code torch.sin}. */
    public Tensor sin() {
        return Sin.apply(this);
    }

    /** Cosine; mirrors {@code torch.cos}. */
    public Tensor cos() {
        return Cos.apply(this);
    }

    /** The Gauss error function; mirrors {@code torch.erf}. */
    public Tensor erf() {
        return Erf.apply(this);
    }

    /** Elementwise maximum with broadcasting (ties split the gradient); mirrors {@code torch.maximum}. */
    public Tensor maximum(Tensor other) {
        return Maximum.apply(this, other);
    }

    /** Elementwise minimum with broadcasting (ties split the gradient); mirrors {@code torch.minimum}. */
    public Tensor minimum(Tensor other) {
        return Minimum.apply(this, other);
    }

    /** Values limited to {@code [min, max]}; mirrors {@code torch.clamp(x, min, max)}. */
    public Tensor clamp(double min, double max) {
        return Clamp.apply(this, min, max);
    }

    /** Values limited below by {@code min}; mirrors {@code torch.clamp_min}. */
    public Tensor clampMin(double min) {
        return ClampMin.apply(this, min);
    }

    /** Values limited above by {@code max}; mirrors {@code torch.clamp_max}. */
    public Tensor clampMax(double max) {
        return ClampMax.apply(this, max);
    }

    /** Largest integer not above each value (zero gradient); mirrors {@code torch.floor}. */
    public Tensor floor() {
        return Floor.apply(this);
    }

    /** Smallest integer not below each value (zero gradient); mirrors {@code torch.ceil}. */
    public Tensor ceil() {
        return Ceil.apply(this);
    }

    /** Nearest integer, halves to even (zero gradient); mirrors {@code torch.round}. */
    public Tensor round() {
        return Round.apply(this);
    }

    /** {@code this && other} elementwise (bool, nonzero is true); mirrors {@code torch.logical_and}. */
    public Tensor logicalAnd(Tensor other) {
        return Logical.apply("logicalAnd", BinaryOp.LOGICAL_AND, this, other);
    }

    /** {@code this || other} elementwise (bool); mirrors {@code torch.logical_or}. */
    public Tensor logicalOr(Tensor other) {
        return Logical.apply("logicalOr", BinaryOp.LOGICAL_OR, this, other);
    }

    /** {@code this ^ other} elementwise (bool); mirrors {@code torch.logical_xor}. */
    public Tensor logicalXor(Tensor other) {
        return Logical.apply("logicalXor", BinaryOp.LOGICAL_XOR, this, other);
    }

    /** {@code !this} elementwise (bool); mirrors {@code torch.logical_not}. */
    public Tensor logicalNot() {
        return Logical.not(this);
    }

    /** True where NaN (bool); mirrors {@code torch.isnan}. */
    public Tensor isnan() {
        return IsNan.apply(this);
    }

    /** True where +-infinity (bool); mirrors {@code torch.isinf}. */
    public Tensor isinf() {
        return IsInf.apply(this);
    }

    // ---------------------------------------------------------------- activations (ops/elementwise)

    /** {@code max(this, 0)}; mirrors {@code torch.relu}. */
    public Tensor relu() {
        return Relu.apply(this);
    }

    /** Leaky ReLU with slope 0.01; mirrors {@code F.leaky_relu}. */
    public Tensor leakyRelu() {
        return LeakyRelu.apply(this, 0.01);
    }

    /** Leaky ReLU with {@code negativeSlope} below 0; mirrors {@code F.leaky_relu(x, negative_slope)}. */
    public Tensor leakyRelu(double negativeSlope) {
        return LeakyRelu.apply(this, negativeSlope);
    }

    /** ELU with alpha 1; mirrors {@code F.elu}. */
    public Tensor elu() {
        return Elu.apply(this, 1.0);
    }

    /** ELU, {@code alpha * (exp(x) - 1)} below 0; mirrors {@code F.elu(x, alpha)}. */
    public Tensor elu(double alpha) {
        return Elu.apply(this, alpha);
    }

    /** GELU, exact erf form; mirrors {@code F.gelu}. */
    public Tensor gelu() {
        return Gelu.apply(this, "none");
    }

    /** GELU with {@code approximate} "none" (erf) or "tanh"; mirrors {@code F.gelu(x, approximate=...)}. */
    public Tensor gelu(String approximate) {
        return Gelu.apply(this, approximate);
    }

    /** {@code 1 / (1 + exp(-this))}; mirrors {@code torch.sigmoid}. */
    public Tensor sigmoid() {
        return Sigmoid.apply(this);
    }

    /** Hyperbolic tangent; mirrors {@code torch.tanh}. */
    public Tensor tanh() {
        return Tanh.apply(this);
    }

    /** Softplus with beta 1, threshold 20; mirrors {@code F.softplus}. */
    public Tensor softplus() {
        return Softplus.apply(this, 1, 20);
    }

    /** {@code log(1 + exp(beta x)) / beta}, linear above {@code threshold}; mirrors {@code F.softplus(x, beta, threshold)}. */
    public Tensor softplus(double beta, double threshold) {
        return Softplus.apply(this, beta, threshold);
    }

    /** Softmax along {@code dim} (numerically stable); mirrors {@code torch.softmax(x, dim)}. */
    public Tensor softmax(int dim) {
        return Softmax.apply(this, dim);
    }

    /** Log-softmax along {@code dim} (numerically stable); mirrors {@code torch.log_softmax(x, dim)}. */
    public Tensor logSoftmax(int dim) {
        return LogSoftmax.apply(this, dim);
    }

    private Tensor scalarLike(double value) {
        return scalar(value, dev.ember.engine.internal.Promotion.scalarType(dtype(), value));
    }

    // ---------------------------------------------------------------- reductions (ops/reduce)

    /** Sum of all elements (0-d); mirrors {@code torch.sum}. */
    public Tensor sum() {
        return Sum.apply(this, new int[0], false);
    }

    /** Sum over {@code dim}. */
    public Tensor sum(int dim) {
        return Sum.apply(this, new int[] {dim}, false);
    }

    /** Sum over {@code dim}, keeping it as size 1 when {@code keepdim}. */
    public Tensor sum(int dim, boolean keepdim) {
        return Sum.apply(this, new int[] {dim}, keepdim);
    }

    /** Sum over several dims. */
    public Tensor sum(int[] dims, boolean keepdim) {
        return Sum.apply(this, dims, keepdim);
    }

    /** Mean of all elements (0-d); mirrors {@code torch.mean}. */
    public Tensor mean() {
        return Mean.apply(this, new int[0], false);
    }

    /** Mean over {@code dim}. */
    public Tensor mean(int dim) {
        return Mean.apply(this, new int[] {dim}, false);
    }

    /** Mean over {@code dim}, keeping it when {@code keepdim}. */
    public Tensor mean(int dim, boolean keepdim) {
        return Mean.apply(this, new int[] {dim}, keepdim);
    }

    /** Mean over several dims. */
    public Tensor mean(int[] dims, boolean keepdim) {
        return Mean.apply(this, dims, keepdim);
    }

    // ---------------------------------------------------------------- more reductions (ops/reduce)

    /** Product of all elements (0-d; ints give int64); mirrors {@code torch.prod}. */
    public Tensor prod() {
        return Prod.apply(this, new int[0], false);
    }

    /** Product over {@code dim}. */
    public Tensor prod(int dim) {
        return Prod.apply(this, new int[] {dim}, false);
    }

    /** Product over {@code dim}, keeping it as size 1 when {@code keepdim}; mirrors {@code torch.prod(x, dim, keepdim)}. */
    public Tensor prod(int dim, boolean keepdim) {
        return Prod.apply(this, new int[] {dim}, keepdim);
    }

    /** Largest element (0-d; ties share the gradient); mirrors {@code torch.max(x)}. */
    public Tensor max() {
        return Max.apply(this, true);
    }

    /** Smallest element (0-d; ties share the gradient); mirrors {@code torch.min(x)}. */
    public Tensor min() {
        return Max.apply(this, false);
    }

    /** Largest values along {@code dim} and their indices; mirrors {@code torch.max(x, dim)}. */
    public ValuesIndices max(int dim) {
        return MaxDim.apply(this, dim, false, true);
    }

    /** Largest values along {@code dim} and their indices (first on ties); mirrors {@code torch.max(x, dim, keepdim)}. */
    public ValuesIndices max(int dim, boolean keepdim) {
        return MaxDim.apply(this, dim, keepdim, true);
    }

    /** Smallest values along {@code dim} and their indices; mirrors {@code torch.min(x, dim)}. */
    public ValuesIndices min(int dim) {
        return MaxDim.apply(this, dim, false, false);
    }

    /** Smallest values along {@code dim} and their indices (first on ties); mirrors {@code torch.min(x, dim, keepdim)}. */
    public ValuesIndices min(int dim, boolean keepdim) {
        return MaxDim.apply(this, dim, keepdim, false);
    }

    /** Largest values over {@code dims} (empty = all; ties share the gradient); mirrors {@code torch.amax}. */
    public Tensor amax(int[] dims, boolean keepdim) {
        return Amax.apply(this, dims, keepdim, true);
    }

    /** Smallest values over {@code dims} (empty = all; ties share the gradient); mirrors {@code torch.amin}. */
    public Tensor amin(int[] dims, boolean keepdim) {
        return Amax.apply(this, dims, keepdim, false);
    }

    /** Flat int64 index of the largest element (first on ties); mirrors {@code torch.argmax(x)}. */
    public Tensor argmax() {
        return Argmax.apply(this, null, false, true);
    }

    /** int64 indices of the largest values along {@code dim}; mirrors {@code torch.argmax(x, dim, keepdim)}. */
    public Tensor argmax(int dim, boolean keepdim) {
        return Argmax.apply(this, dim, keepdim, true);
    }

    /** Flat int64 index of the smallest element (first on ties); mirrors {@code torch.argmin(x)}. */
    public Tensor argmin() {
        return Argmax.apply(this, null, false, false);
    }

    /** int64 indices of the smallest values along {@code dim}; mirrors {@code torch.argmin(x, dim, keepdim)}. */
    public Tensor argmin(int dim, boolean keepdim) {
        return Argmax.apply(this, dim, keepdim, false);
    }

    /** Unbiased variance of all elements (0-d); mirrors {@code torch.var}. */
    public Tensor var() {
        return Var.apply(this, new int[0], true, false);
    }

    /** Unbiased variance over {@code dim}. */
    public Tensor var(int dim) {
        return Var.apply(this, new int[] {dim}, true, false);
    }

    /** Variance over {@code dim} (divides by N - 1 when {@code unbiased}); mirrors {@code torch.var(x, dim, unbiased, keepdim)}. */
    public Tensor var(int dim, boolean unbiased, boolean keepdim) {
        return Var.apply(this, new int[] {dim}, unbiased, keepdim);
    }

    /** Variance over several dims (empty = all). */
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) {
        return Var.apply(this, dims, unbiased, keepdim);
    }

    /** Unbiased standard deviation of all elements (0-d); mirrors {@code torch.std}. */
    public Tensor std() {
        return Std.apply(this, new int[0], true, false);
    }

    /** Unbiased standard deviation over {@code dim}. */
    public Tensor std(int dim) {
        return Std.apply(this, new int[] {dim}, true, false);
    }

    /** Standard deviation over {@code dim}; mirrors {@code torch.std(x, dim, unbiased, keepdim)}. */
    public Tensor std(int dim, boolean unbiased, boolean keepdim) {
        return Std.apply(this, new int[] {dim}, unbiased, keepdim);
    }

    /** Standard deviation over several dims (empty = all). */
    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) {
        return Std.apply(this, dims, unbiased, keepdim);
    }

    /** {@code log(sum(exp(this)))} over {@code dim}, without overflow; mirrors {@code torch.logsumexp(x, dim)}. */
    public Tensor logsumexp(int dim) {
        return Logsumexp.apply(this, new int[] {dim}, false);
    }

    /** {@code log(sum(exp(this)))} over {@code dim}; mirrors {@code torch.logsumexp(x, dim, keepdim)}. */
    public Tensor logsumexp(int dim, boolean keepdim) {
        return Logsumexp.apply(this, new int[] {dim}, keepdim);
    }

    /** {@code log(sum(exp(this)))} over several dims (empty = all). */
    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return Logsumexp.apply(this, dims, keepdim);
    }

    /** Euclidean (2-)norm of all elements (0-d); mirrors {@code torch.norm(x)}. */
    public Tensor norm() {
        return Norm.apply(this, 2, new int[0], false);
    }

    /** p-norm of all elements (p may be 0 or +-infinity); mirrors {@code torch.norm(x, p)}. */
    public Tensor norm(double p) {
        return Norm.apply(this, p, new int[0], false);
    }

    /** p-norm over {@code dim}; mirrors {@code torch.norm(x, p, dim, keepdim)}. */
    public Tensor norm(double p, int dim, boolean keepdim) {
        return Norm.apply(this, p, new int[] {dim}, keepdim);
    }

    /** p-norm over several dims (empty = all). */
    public Tensor norm(double p, int[] dims, boolean keepdim) {
        return Norm.apply(this, p, dims, keepdim);
    }

    // ---------------------------------------------------------------- shape (ops/shape)

    /** A view with a new shape (one size may be -1); fails when the layout does not allow a view. Mirrors {@code tensor.view}. */
    public Tensor view(long... shape) {
        return View.apply(this, shape, true);
    }

    /** Like {@link #view} but copies when a view is impossible; mirrors {@code tensor.reshape}. */
    public Tensor reshape(long... shape) {
        return View.apply(this, shape, false);
    }

    /** Dimensions reordered (a view); mirrors {@code tensor.permute}. */
    public Tensor permute(int... dims) {
        return Permute.apply(this, dims);
    }

    /** Broadcast to {@code shape} (-1 keeps a size); mirrors {@code tensor.expand}. Materialised, not a view. */
    public Tensor expand(long... shape) {
        return Expand.apply(this, shape);
    }

    /** Broadcast to {@code shape}; mirrors {@code torch.broadcast_to}. */
    public Tensor broadcastTo(long... shape) {
        return Arrays.equals(shape, shape()) ? this : Expand.apply(this, shape);
    }

    /** A copy with its own storage; mirrors {@code tensor.clone()}. */
    public Tensor clone() {
        return Clone.apply(this);
    }

    /** This tensor if row-major contiguous, else a contiguous copy; mirrors {@code tensor.contiguous()}. */
    public Tensor contiguous() {
        return Kernels.shape().isContiguous(data) ? this : Clone.apply(this);
    }

    /** {@code true} when the elements are laid out row-major without gaps. */
    public boolean isContiguous() {
        return Kernels.shape().isContiguous(data);
    }

    // ---------------------------------------------------------------- more shape, slicing and indexing (ops/shape)

    /** Dimensions {@code dim0} and {@code dim1} swapped (a view); mirrors {@code tensor.transpose}. */
    public Tensor transpose(int dim0, int dim1) {
        return Transpose.apply(this, dim0, dim1);
    }

    /** The transpose of a matrix (0-D and 1-D come back as they are; a view); mirrors {@code tensor.t()}. */
    public Tensor t() {
        return Transpose.t(this);
    }

    /** A size-1 dimension inserted at {@code dim}, in {@code [-dim()-1, dim()]} (a view); mirrors {@code tensor.unsqueeze}. */
    public Tensor unsqueeze(int dim) {
        return Unsqueeze.apply(this, dim);
    }

    /** Every size-1 dimension removed (a view); mirrors {@code tensor.squeeze()}. */
    public Tensor squeeze() {
        return Squeeze.apply(this);
    }

    /** Dimension {@code dim} removed if its size is 1, else unchanged (a view); mirrors {@code tensor.squeeze(dim)}. */
    public Tensor squeeze(int dim) {
        return Squeeze.apply(this, dim);
    }

    /** All dimensions merged into one; mirrors {@code tensor.flatten()}. */
    public Tensor flatten() {
        return Flatten.apply(this, 0, -1);
    }

    /** Dimensions {@code startDim..endDim} merged into one; mirrors {@code tensor.flatten(start_dim, end_dim)}. */
    public Tensor flatten(int startDim, int endDim) {
        return Flatten.apply(this, startDim, endDim);
    }

    /** Tensors joined along {@code dim}, dtypes promoted; mirrors {@code torch.cat(tensors, dim)}. */
    public static Tensor cat(int dim, Tensor... tensors) {
        return Cat.apply(Arrays.asList(tensors), dim);
    }

    /** Tensors joined along {@code dim}, dtypes promoted; mirrors {@code torch.cat(tensors, dim)}. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Cat.apply(tensors, dim);
    }

    /** Equal-shaped tensors joined along a new dimension {@code dim}; mirrors {@code torch.stack(tensors, dim)}. */
    public static Tensor stack(int dim, Tensor... tensors) {
        return Stack.apply(Arrays.asList(tensors), dim);
    }

    /** Equal-shaped tensors joined along a new dimension {@code dim}; mirrors {@code torch.stack(tensors, dim)}. */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Stack.apply(tensors, dim);
    }

    /** Views of {@code splitSize} entries along {@code dim} (the last may be smaller); mirrors {@code tensor.split(int, dim)}. */
    public List<Tensor> split(long splitSize, int dim) {
        return Split.apply(this, splitSize, dim);
    }

    /** Views of the given sizes along {@code dim} (they must sum to its size); mirrors {@code tensor.split(list, dim)}. */
    public List<Tensor> split(long[] sizes, int dim) {
        return Split.apply(this, sizes, dim);
    }

    /** At most {@code chunks} views of {@code ceil(size / chunks)} entries along {@code dim}; mirrors {@code tensor.chunk}. */
    public List<Tensor> chunk(int chunks, int dim) {
        return Split.chunk(this, chunks, dim);
    }

    /** {@code length} entries from {@code start} along {@code dim} (a view); mirrors {@code tensor.narrow}. */
    public Tensor narrow(int dim, long start, long length) {
        return Slice.narrow(this, dim, start, length);
    }

    /**
     * {@code x[..., start:end:step]} at {@code dim} with Python's rules (negative bounds, clamping, step &gt; 0;
     * {@code Long.MAX_VALUE} for "to the end"); a view. Mirrors slicing ({@code SliceBackward0}).
     */
    public Tensor slice(int dim, long start, long end, long step) {
        return Slice.apply(this, dim, start, end, step);
    }

    /** Entry {@code index} of {@code dim} (negative counts from the end), that dimension removed (a view); mirrors {@code tensor.select} / {@code x[:, i]}. */
    public Tensor select(int dim, long index) {
        return Select.apply(this, dim, index);
    }

    /** Every entry of {@code dim} as a view, that dimension removed; mirrors {@code tensor.unbind(dim)}. */
    public List<Tensor> unbind(int dim) {
        return Unbind.apply(this, dim);
    }

    /** The entries at the 1-D integer {@code index} along {@code dim}; mirrors {@code tensor.index_select}. */
    public Tensor indexSelect(int dim, Tensor index) {
        return IndexSelect.apply(this, dim, index);
    }

    /** A copy with slices of {@code source} added at the 1-D {@code index} along {@code dim}; mirrors {@code tensor.index_add}. */
    public Tensor indexAdd(int dim, Tensor index, Tensor source) {
        return IndexAdd.apply(this, dim, index, source);
    }

    /** Values picked along {@code dim} by an integer {@code index} of this rank; mirrors {@code tensor.gather}. */
    public Tensor gather(int dim, Tensor index) {
        return Gather.apply(this, dim, index);
    }

    /** A copy with {@code src} added at {@code index} along {@code dim}; mirrors {@code tensor.scatter_add}. */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        return ScatterAdd.apply(this, dim, index, src);
    }

    /** A copy with the slice {@code [start:end:step]} at {@code dim} replaced by {@code src}; mirrors {@code torch.slice_scatter}. */
    public Tensor sliceScatter(Tensor src, int dim, long start, long end, long step) {
        return SliceScatter.apply(this, src, dim, start, end, step);
    }

    /** Tiled {@code repeats[i]} times along each dimension (extra repeats add leading dims); mirrors {@code tensor.repeat}. */
    public Tensor repeat(long... repeats) {
        return Repeat.apply(this, repeats);
    }

    /** Entries reversed along {@code dims}; mirrors {@code torch.flip}. */
    public Tensor flip(int... dims) {
        return Flip.apply(this, dims);
    }

    // ---------------------------------------------------------------- linalg (ops/linalg)

    /** Matrix product with PyTorch's 1-D, 2-D and batched broadcasting rules; mirrors {@code torch.matmul}. */
    public Tensor matmul(Tensor other) {
        return Matmul.apply(this, other);
    }

    // ---------------------------------------------------------------- more linalg (ops/linalg)

    /** Batched matrix product of 3-D tensors with equal batch size (no broadcasting); mirrors {@code torch.bmm}. */
    public Tensor bmm(Tensor other) {
        return Bmm.apply(this, other);
    }

    /** Product of two matrices (strictly 2-D, no broadcasting); mirrors {@code torch.mm}. */
    public Tensor mm(Tensor other) {
        return Mm.apply(this, other);
    }

    /** Product of this matrix and the vector {@code vec}; mirrors {@code torch.mv}. */
    public Tensor mv(Tensor vec) {
        return Mv.apply(this, vec);
    }

    /** Inner product of two 1-D tensors (0-D result); mirrors {@code torch.dot}. */
    public Tensor dot(Tensor other) {
        return Dot.apply(this, other);
    }

    /** Outer product of two 1-D tensors; mirrors {@code torch.outer}. */
    public Tensor outer(Tensor other) {
        return Outer.apply(this, other);
    }

    // ---------------------------------------------------------------- in-place (internal/InPlace)

    /** {@code this += other} in place; mirrors {@code tensor.add_}. */
    public Tensor add_(Tensor other) {
        return InPlace.apply(this, "add_", other, Tensor::add);
    }

    /** {@code this += alpha * other} in place; mirrors {@code tensor.add_(other, alpha=...)}. */
    public Tensor add_(Tensor other, double alpha) {
        return InPlace.apply(this, "add_", other, (a, b) -> a.add(b, alpha));
    }

    /** {@code this += value} in place. */
    public Tensor add_(double value) {
        return InPlace.apply(this, "add_", scalarLike(value), Tensor::add);
    }

    /** {@code this -= other} in place; mirrors {@code tensor.sub_}. */
    public Tensor sub_(Tensor other) {
        return InPlace.apply(this, "sub_", other, Tensor::sub);
    }

    /** {@code this -= value} in place. */
    public Tensor sub_(double value) {
        return InPlace.apply(this, "sub_", scalarLike(value), Tensor::sub);
    }

    /** {@code this *= other} in place; mirrors {@code tensor.mul_}. */
    public Tensor mul_(Tensor other) {
        return InPlace.apply(this, "mul_", other, Tensor::mul);
    }

    /** {@code this *= value} in place. */
    public Tensor mul_(double value) {
        return InPlace.apply(this, "mul_", scalarLike(value), Tensor::mul);
    }

    /** {@code this /= other} in place; mirrors {@code tensor.div_}. */
    public Tensor div_(Tensor other) {
        return InPlace.apply(this, "div_", other, Tensor::div);
    }

    /** {@code this /= value} in place. */
    public Tensor div_(double value) {
        return InPlace.apply(this, "div_", scalarLike(value), Tensor::div);
    }

    /** Copies {@code src} (broadcast, cast) into this tensor; mirrors {@code tensor.copy_}. */
    public Tensor copy_(Tensor src) {
        return InPlace.copy(this, src);
    }

    /** Sets every element to {@code value}; mirrors {@code tensor.fill_}. */
    public Tensor fill_(double value) {
        return InPlace.fill(this, value);
    }

    /** Sets every element to zero; mirrors {@code tensor.zero_}. */
    public Tensor zero_() {
        return InPlace.fill(this, 0);
    }

    /** Values limited to {@code [min, max]} in place; mirrors {@code tensor.clamp_}. */
    public Tensor clamp_(double min, double max) {
        return InPlace.applyUnary(this, "clamp_", t -> t.clamp(min, max));
    }

    /** {@code max(this, 0)} in place; mirrors {@code tensor.relu_}. */
    public Tensor relu_() {
        return InPlace.applyUnary(this, "relu_", Tensor::relu);
    }

    // ---------------------------------------------------------------- object

    /** PyTorch-style printout, e.g. {@code tensor([[1., 2.]], requires_grad=True)}. */
    @Override
    public String toString() {
        return TensorFormatter.format(this);
    }
}
