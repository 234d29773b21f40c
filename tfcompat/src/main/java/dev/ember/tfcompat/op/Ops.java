package dev.ember.tfcompat.op;

import dev.ember.tfcompat.ExecutionEnvironment;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.core.All;
import dev.ember.tfcompat.op.core.Any;
import dev.ember.tfcompat.op.core.Assign;
import dev.ember.tfcompat.op.core.AssignAdd;
import dev.ember.tfcompat.op.core.AssignSub;
import dev.ember.tfcompat.op.core.BroadcastDynamicShape;
import dev.ember.tfcompat.op.core.BroadcastGradientArgs;
import dev.ember.tfcompat.op.core.BroadcastTo;
import dev.ember.tfcompat.op.core.ClipByValue;
import dev.ember.tfcompat.op.core.Concat;
import dev.ember.tfcompat.op.core.ConcatOffset;
import dev.ember.tfcompat.op.core.Constant;
import dev.ember.tfcompat.op.core.DynamicStitch;
import dev.ember.tfcompat.op.core.ExpandDims;
import dev.ember.tfcompat.op.core.Fill;
import dev.ember.tfcompat.op.core.Gather;
import dev.ember.tfcompat.op.core.Gradients;
import dev.ember.tfcompat.op.core.Identity;
import dev.ember.tfcompat.op.core.Init;
import dev.ember.tfcompat.op.core.Max;
import dev.ember.tfcompat.op.core.Min;
import dev.ember.tfcompat.op.core.NoOp;
import dev.ember.tfcompat.op.core.OneHot;
import dev.ember.tfcompat.op.core.Ones;
import dev.ember.tfcompat.op.core.OnesLike;
import dev.ember.tfcompat.op.core.Pad;
import dev.ember.tfcompat.op.core.Placeholder;
import dev.ember.tfcompat.op.core.Prod;
import dev.ember.tfcompat.op.core.Range;
import dev.ember.tfcompat.op.core.Rank;
import dev.ember.tfcompat.op.core.ReduceAll;
import dev.ember.tfcompat.op.core.ReduceAny;
import dev.ember.tfcompat.op.core.ReduceMax;
import dev.ember.tfcompat.op.core.ReduceMin;
import dev.ember.tfcompat.op.core.ReduceProd;
import dev.ember.tfcompat.op.core.ReduceSum;
import dev.ember.tfcompat.op.core.Reshape;
import dev.ember.tfcompat.op.core.Reverse;
import dev.ember.tfcompat.op.core.Select;
import dev.ember.tfcompat.op.core.SetDiff1d;
import dev.ember.tfcompat.op.core.ShapeN;
import dev.ember.tfcompat.op.core.Size;
import dev.ember.tfcompat.op.core.Slice;
import dev.ember.tfcompat.op.core.Split;
import dev.ember.tfcompat.op.core.SplitV;
import dev.ember.tfcompat.op.core.Squeeze;
import dev.ember.tfcompat.op.core.Stack;
import dev.ember.tfcompat.op.core.StopGradient;
import dev.ember.tfcompat.op.core.StridedSlice;
import dev.ember.tfcompat.op.core.StridedSliceGrad;
import dev.ember.tfcompat.op.core.StridedSliceHelper;
import dev.ember.tfcompat.op.core.Sum;
import dev.ember.tfcompat.op.core.Tile;
import dev.ember.tfcompat.op.core.Unstack;
import dev.ember.tfcompat.op.core.Variable;
import dev.ember.tfcompat.op.core.Where;
import dev.ember.tfcompat.op.core.Zeros;
import dev.ember.tfcompat.op.core.ZerosLike;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TFloat64;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.TString;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.index.Index;
import java.util.Arrays;

/**
 * The op factory; mirrors {@code org.tensorflow.op.Ops}: {@code Ops tf = Ops.create(graph);} then
 * {@code tf.placeholder(...)}, {@code tf.math.add(...)}, {@code tf.nn.conv2d(...)}. Only the ops of
 * tfcompat's registry exist here; each builds a node whose TF op type the registry runs on the engine.
 */
public final class Ops {
    private final Scope scope;

    /** Math ops ({@code tf.math}). */
    public final MathOps math;
    /** Linear algebra ops ({@code tf.linalg}). */
    public final LinalgOps linalg;
    /** Neural-network ops ({@code tf.nn}). */
    public final NnOps nn;
    /** Optimizer update ops ({@code tf.train}). */
    public final TrainOps train;
    /** Type conversions ({@code tf.dtypes}). */
    public final DtypesOps dtypes;
    /** Random ops ({@code tf.random}); seeded like TF, but not TF's numbers. */
    public final RandomOps random;

    private Ops(Scope scope) {
        this.scope = scope;
        this.math = new MathOps(scope);
        this.linalg = new LinalgOps(scope);
        this.nn = new NnOps(scope);
        this.train = new TrainOps(scope);
        this.dtypes = new DtypesOps(scope);
        this.random = new RandomOps(scope);
    }

    /** Ops building in a new root scope of {@code env} that knows the names already used; mirrors {@code Ops.create(graph)}. */
    public static Ops create(ExecutionEnvironment env) {
        return new Ops(new OpScope(env));
    }

    /** The scope ops are built in. */
    public Scope scope() {
        return scope;
    }

    /** Ops whose names get the prefix {@code name/}; mirrors {@code withSubScope}. */
    public Ops withSubScope(String childScopeName) {
        return new Ops(scope.withSubScope(childScopeName));
    }

    /** Ops where the next op is named {@code opName}; mirrors {@code withName}. */
    public Ops withName(String opName) {
        return new Ops(scope.withName(opName));
    }

    /** Ops building initializers; mirrors {@code withInitScope}. */
    public Ops withInitScope() {
        return new Ops(scope.withInitScope());
    }

    /** Records a device; the engine runs everything on its own device. */
    public Ops withDevice(String device) {
        return new Ops(scope.withDevice(device));
    }

    /** Ops whose ops run after {@code controls}; mirrors {@code withControlDependencies}. */
    public Ops withControlDependencies(Iterable<Op> controls) {
        return new Ops(scope.withControlDependencies(controls));
    }

    /** Ops whose ops run after {@code controls}. */
    public Ops withControlDependencies(Op... controls) {
        return withControlDependencies(Arrays.asList(controls));
    }

    // ---------------------------------------------------------------- core

    /** A value fed at run time; mirrors {@code tf.placeholder}. */
    public <T extends TType> Placeholder<T> placeholder(Class<T> dtype, Placeholder.Options... options) {
        return Placeholder.create(scope, dtype, options);
    }

    /** A variable initialised to {@code init} by {@code Session.initialize()}; mirrors {@code tf.variable(init)}. */
    public <T extends TType> Variable<T> variable(Operand<T> init, Variable.Options... options) {
        // as TF-Java's Helpers.createVariableWithInit: both ops in the init scope, named by the scope
        Variable<T> v = Variable.create(scope.withInitScope(), init.shape(), init.type(), options);
        Assign.create(scope.withInitScope(), v, init);
        return v;
    }

    /** An uninitialised variable; mirrors {@code tf.variable(Shape, Class)}. */
    public <T extends TType> Variable<T> variable(Shape shape, Class<T> dtype, Variable.Options... options) {
        return Variable.create(scope, shape, dtype, options);
    }

    public <T extends TType> Assign<T> assign(Operand<T> ref, Operand<T> value, Assign.Options... options) {
        return Assign.create(scope, ref, value, options);
    }

    public <T extends TType> AssignAdd<T> assignAdd(Operand<T> ref, Operand<T> value, AssignAdd.Options... options) {
        return AssignAdd.create(scope, ref, value, options);
    }

    public <T extends TType> AssignSub<T> assignSub(Operand<T> ref, Operand<T> value, AssignSub.Options... options) {
        return AssignSub.create(scope, ref, value, options);
    }

    /** A target running every initializer registered so far (older TF-Java {@code tf.init()}). */
    public Init init() {
        return Init.create(scope);
    }

    public <T extends TType> Identity<T> identity(Operand<T> input) {
        return Identity.create(scope, input);
    }

    public <T extends TType> StopGradient<T> stopGradient(Operand<T> input) {
        return StopGradient.create(scope, input);
    }

    public NoOp noOp() {
        return NoOp.create(scope);
    }

    /** {@code d(y)/d(x)} for each x; mirrors {@code tf.gradients}. */
    public Gradients gradients(Operand<?> y, Iterable<? extends Operand<?>> x, Gradients.Options... options) {
        return Gradients.create(scope, y, x, options);
    }

    /** {@code d(sum of ys)/d(x)} for each x. */
    public Gradients gradients(Iterable<? extends Operand<?>> y, Iterable<? extends Operand<?>> x,
            Gradients.Options... options) {
        return Gradients.create(scope, y, x, options);
    }

    // ---------------------------------------------------------------- constants

    /** A string constant. */
    public Constant<TString> constant(String data) {
        return Constant.create(scope, TString.scalarOf(data));
    }

    /** A constant with an explicit tensor value. */
    public <T extends TType> Constant<T> constantOf(T tensor) {
        return Constant.create(scope, tensor);
    }

    /** A scalar constant. */
    public Constant<TFloat32> constant(float data) {
        return Constant.create(scope, TFloat32.scalarOf(data));
    }

    /** A rank-1 constant. */
    public Constant<TFloat32> constant(float[] data) {
        return Constant.create(scope, TFloat32.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-2 constant. */
    public Constant<TFloat32> constant(float[][] data) {
        return Constant.create(scope, TFloat32.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-3 constant. */
    public Constant<TFloat32> constant(float[][][] data) {
        return Constant.create(scope, TFloat32.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-4 constant. */
    public Constant<TFloat32> constant(float[][][][] data) {
        return Constant.create(scope, TFloat32.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A constant copied from an ndarray. */
    public Constant<TFloat32> constant(org.tensorflow.ndarray.FloatNdArray data) {
        return Constant.create(scope, TFloat32.tensorOf(data));
    }

    /** A scalar constant. */
    public Constant<TFloat64> constant(double data) {
        return Constant.create(scope, TFloat64.scalarOf(data));
    }

    /** A rank-1 constant. */
    public Constant<TFloat64> constant(double[] data) {
        return Constant.create(scope, TFloat64.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-2 constant. */
    public Constant<TFloat64> constant(double[][] data) {
        return Constant.create(scope, TFloat64.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-3 constant. */
    public Constant<TFloat64> constant(double[][][] data) {
        return Constant.create(scope, TFloat64.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-4 constant. */
    public Constant<TFloat64> constant(double[][][][] data) {
        return Constant.create(scope, TFloat64.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A constant copied from an ndarray. */
    public Constant<TFloat64> constant(org.tensorflow.ndarray.DoubleNdArray data) {
        return Constant.create(scope, TFloat64.tensorOf(data));
    }

    /** A scalar constant. */
    public Constant<TInt32> constant(int data) {
        return Constant.create(scope, TInt32.scalarOf(data));
    }

    /** A rank-1 constant. */
    public Constant<TInt32> constant(int[] data) {
        return Constant.create(scope, TInt32.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-2 constant. */
    public Constant<TInt32> constant(int[][] data) {
        return Constant.create(scope, TInt32.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-3 constant. */
    public Constant<TInt32> constant(int[][][] data) {
        return Constant.create(scope, TInt32.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-4 constant. */
    public Constant<TInt32> constant(int[][][][] data) {
        return Constant.create(scope, TInt32.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A constant copied from an ndarray. */
    public Constant<TInt32> constant(org.tensorflow.ndarray.IntNdArray data) {
        return Constant.create(scope, TInt32.tensorOf(data));
    }

    /** A scalar constant. */
    public Constant<TInt64> constant(long data) {
        return Constant.create(scope, TInt64.scalarOf(data));
    }

    /** A rank-1 constant. */
    public Constant<TInt64> constant(long[] data) {
        return Constant.create(scope, TInt64.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-2 constant. */
    public Constant<TInt64> constant(long[][] data) {
        return Constant.create(scope, TInt64.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-3 constant. */
    public Constant<TInt64> constant(long[][][] data) {
        return Constant.create(scope, TInt64.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-4 constant. */
    public Constant<TInt64> constant(long[][][][] data) {
        return Constant.create(scope, TInt64.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A constant copied from an ndarray. */
    public Constant<TInt64> constant(org.tensorflow.ndarray.LongNdArray data) {
        return Constant.create(scope, TInt64.tensorOf(data));
    }

    /** A scalar constant. */
    public Constant<TBool> constant(boolean data) {
        return Constant.create(scope, TBool.scalarOf(data));
    }

    /** A rank-1 constant. */
    public Constant<TBool> constant(boolean[] data) {
        return Constant.create(scope, TBool.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-2 constant. */
    public Constant<TBool> constant(boolean[][] data) {
        return Constant.create(scope, TBool.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-3 constant. */
    public Constant<TBool> constant(boolean[][][] data) {
        return Constant.create(scope, TBool.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A rank-4 constant. */
    public Constant<TBool> constant(boolean[][][][] data) {
        return Constant.create(scope, TBool.tensorOf(StdArrays.ndCopyOf(data)));
    }

    /** A constant copied from an ndarray. */
    public Constant<TBool> constant(org.tensorflow.ndarray.BooleanNdArray data) {
        return Constant.create(scope, TBool.tensorOf(data));
    }
    // ---------------------------------------------------------------- array ops (tf.reshape, tf.concat, ...)

    /** The broadcast of two shape vectors; mirrors {@code tf.broadcastDynamicShape}. */
    public <T extends TNumber> BroadcastDynamicShape<T> broadcastDynamicShape(Operand<T> s0, Operand<T> s1) {
        return BroadcastDynamicShape.create(scope, s0, s1);
    }

    /** The reduction dimensions of the gradients of two broadcast operands; mirrors {@code tf.broadcastGradientArgs}. */
    public <T extends TNumber> BroadcastGradientArgs<T> broadcastGradientArgs(Operand<T> s0, Operand<T> s1) {
        return BroadcastGradientArgs.create(scope, s0, s1);
    }

    /** {@code input} broadcast to {@code shape}; mirrors {@code tf.broadcastTo}. */
    public <T extends TType> BroadcastTo<T> broadcastTo(Operand<T> input, Operand<? extends TNumber> shape) {
        return BroadcastTo.create(scope, input, shape);
    }

    /** The values joined along {@code axis}; mirrors {@code tf.concat}. */
    public <T extends TType> Concat<T> concat(Iterable<Operand<T>> values, Operand<? extends TNumber> axis) {
        return Concat.create(scope, values, axis);
    }

    /** The offsets of concatenated inputs along {@code concatDim} (for concat gradients). */
    public <T extends TNumber> ConcatOffset<T> concatOffset(Operand<TInt32> concatDim, Iterable<Operand<T>> shape) {
        return ConcatOffset.create(scope, concatDim, shape);
    }

    /** Interleaves {@code data} into one tensor at {@code indices}; mirrors {@code tf.dynamicStitch}. */
    public <T extends TType> DynamicStitch<T> dynamicStitch(Iterable<Operand<TInt32>> indices,
            Iterable<Operand<T>> data) {
        return DynamicStitch.create(scope, indices, data);
    }

    /** {@code input} with a size-1 dimension inserted at {@code axis}; mirrors {@code tf.expandDims}. */
    public <T extends TType> ExpandDims<T> expandDims(Operand<T> input, Operand<? extends TNumber> axis) {
        return ExpandDims.create(scope, input, axis);
    }

    /** A tensor of shape {@code dims} filled with the scalar {@code value}; mirrors {@code tf.fill}. */
    public <U extends TType> Fill<U> fill(Operand<? extends TNumber> dims, Operand<U> value) {
        return Fill.create(scope, dims, value);
    }

    /** Slices of {@code params} along {@code axis} picked by {@code indices}; mirrors {@code tf.gather}. */
    public <T extends TType> Gather<T> gather(Operand<T> params, Operand<? extends TNumber> indices,
            Operand<? extends TNumber> axis, Gather.Options... options) {
        return Gather.create(scope, params, indices, axis, options);
    }

    /** One-hot encoding of {@code indices} ({@code onValue} at the index, {@code offValue} elsewhere). */
    public <U extends TType> OneHot<U> oneHot(Operand<? extends TNumber> indices, Operand<TInt32> depth,
            Operand<U> onValue, Operand<U> offValue, OneHot.Options... options) {
        return OneHot.create(scope, indices, depth, onValue, offValue, options);
    }

    /** A tensor of ones of shape {@code dims}; mirrors {@code tf.ones}. */
    public <T extends TType> Ones<T> ones(Operand<? extends TNumber> dims, Class<T> type) {
        return Ones.create(scope, dims, type);
    }

    /** Ones of the shape and type of {@code x}; mirrors {@code tf.onesLike}. */
    public <T extends TType> OnesLike<T> onesLike(Operand<T> x) {
        return OnesLike.create(scope, x);
    }

    /** {@code input} padded with {@code constantValues} ({@code paddings} is [rank, 2]). */
    public <T extends TType> Pad<T> pad(Operand<T> input, Operand<? extends TNumber> paddings,
            Operand<T> constantValues) {
        return Pad.create(scope, input, paddings, constantValues);
    }

    /** The sequence {@code start, start + delta, ...} up to (not including) {@code limit}. */
    public <T extends TNumber> Range<T> range(Operand<T> start, Operand<T> limit, Operand<T> delta) {
        return Range.create(scope, start, limit, delta);
    }

    /** The rank of {@code input} as an int32 scalar; mirrors {@code tf.rank}. */
    public Rank rank(Operand<? extends TType> input) {
        return Rank.create(scope, input);
    }

    /** {@code tensor} with a new shape (one dimension may be -1); mirrors {@code tf.reshape}. */
    public <T extends TType> Reshape<T> reshape(Operand<T> tensor, Operand<? extends TNumber> shape) {
        return Reshape.create(scope, tensor, shape);
    }

    /** {@code tensor} reversed along the dimensions in {@code axis}; mirrors {@code tf.reverse}. */
    public <T extends TType> Reverse<T> reverse(Operand<T> tensor, Operand<? extends TNumber> axis) {
        return Reverse.create(scope, tensor, axis);
    }

    /** The shape of {@code input} as a vector; mirrors {@code tf.shape}. */
    public dev.ember.tfcompat.op.core.Shape<TInt32> shape(Operand<? extends TType> input) {
        return dev.ember.tfcompat.op.core.Shape.create(scope, input);
    }

    /** The shape of {@code input} as a vector; mirrors {@code tf.shape}. */
    public <U extends TNumber> dev.ember.tfcompat.op.core.Shape<U> shape(Operand<? extends TType> input,
            Class<U> outType) {
        return dev.ember.tfcompat.op.core.Shape.create(scope, input, outType);
    }

    /** The shapes of several tensors; mirrors {@code tf.shapeN}. */
    public ShapeN<TInt32> shapeN(Iterable<Operand<? extends TType>> input) {
        return ShapeN.create(scope, input);
    }

    /** The shapes of several tensors; mirrors {@code tf.shapeN}. */
    public <U extends TNumber> ShapeN<U> shapeN(Iterable<Operand<? extends TType>> input, Class<U> outType) {
        return ShapeN.create(scope, input, outType);
    }

    /** The number of elements of {@code input}; mirrors {@code tf.size}. */
    public Size<TInt32> size(Operand<? extends TType> input) {
        return Size.create(scope, input);
    }

    /** The number of elements of {@code input}; mirrors {@code tf.size}. */
    public <U extends TNumber> Size<U> size(Operand<? extends TType> input, Class<U> outType) {
        return Size.create(scope, input, outType);
    }

    /** The block of {@code input} starting at {@code begin} of extent {@code size} (-1: to the end). */
    public <T extends TType, U extends TNumber> Slice<T> slice(Operand<T> input, Operand<U> begin, Operand<U> size) {
        return Slice.create(scope, input, begin, size);
    }

    /** {@code value} split into {@code numSplit} equal parts along {@code axis}; mirrors {@code tf.split}. */
    public <T extends TType> Split<T> split(Operand<TInt32> axis, Operand<T> value, Long numSplit) {
        return Split.create(scope, axis, value, numSplit);
    }

    /** {@code value} split along {@code axis} into parts of {@code sizeSplits} (one may be -1). */
    public <T extends TType> SplitV<T> splitV(Operand<T> value, Operand<? extends TNumber> sizeSplits,
            Operand<TInt32> axis, Long numSplit) {
        return SplitV.create(scope, value, sizeSplits, axis, numSplit);
    }

    /** {@code input} without its size-1 dimensions (or only those in {@code axis}); mirrors {@code tf.squeeze}. */
    public <T extends TType> Squeeze<T> squeeze(Operand<T> input, Squeeze.Options... options) {
        return Squeeze.create(scope, input, options);
    }

    /** Equal-shaped values joined along a new dimension {@code axis}; mirrors {@code tf.stack}. */
    public <T extends TType> Stack<T> stack(Iterable<Operand<T>> values, Stack.Options... options) {
        return Stack.create(scope, values, options);
    }

    /** {@code input[indices...]} with {@code org.tensorflow.ndarray.index.Indices}; mirrors {@code tf.stridedSlice}. */
    public <T extends TType> StridedSlice<T> stridedSlice(Operand<T> input, Index... indices) {
        return StridedSliceHelper.stridedSlice(scope, input, indices);
    }

    /** A strided slice of {@code input} (Python-style indexing with begin/end/ellipsis/new-axis/shrink masks). */
    public <T extends TType, U extends TNumber> StridedSlice<T> stridedSlice(Operand<T> input, Operand<U> begin,
            Operand<U> end, Operand<U> strides, StridedSlice.Options... options) {
        return StridedSlice.create(scope, input, begin, end, strides, options);
    }

    /** The gradient of {@code StridedSlice}: {@code dy} placed into zeros of {@code shape}. */
    public <U extends TType, T extends TNumber> StridedSliceGrad<U> stridedSliceGrad(Operand<T> shape,
            Operand<T> begin, Operand<T> end, Operand<T> strides, Operand<U> dy,
            StridedSliceGrad.Options... options) {
        return StridedSliceGrad.create(scope, shape, begin, end, strides, dy, options);
    }

    /** {@code input} repeated {@code multiples[i]} times along each dimension; mirrors {@code tf.tile}. */
    public <T extends TType> Tile<T> tile(Operand<T> input, Operand<? extends TNumber> multiples) {
        return Tile.create(scope, input, multiples);
    }

    /** {@code value} unpacked into {@code num} tensors along {@code axis}; mirrors {@code tf.unstack}. */
    public <T extends TType> Unstack<T> unstack(Operand<T> value, Long num, Unstack.Options... options) {
        return Unstack.create(scope, value, num, options);
    }

    /** A tensor of zeros of shape {@code dims}; mirrors {@code tf.zeros}. */
    public <T extends TType> Zeros<T> zeros(Operand<? extends TNumber> dims, Class<T> type) {
        return Zeros.create(scope, dims, type);
    }

    /** Zeros of the shape and type of {@code x}; mirrors {@code tf.zerosLike}. */
    public <T extends TType> ZerosLike<T> zerosLike(Operand<T> x) {
        return ZerosLike.create(scope, x);
    }

    /** The values of {@code x} not in {@code y}, in order, and their positions in {@code x}. */
    public <T extends TType> SetDiff1d<T, TInt32> setDiff1d(Operand<T> x, Operand<T> y) {
        return SetDiff1d.create(scope, x, y);
    }

    /** The values of {@code x} not in {@code y}, in order, and their positions in {@code x}. */
    public <T extends TType, U extends TNumber> SetDiff1d<T, U> setDiff1d(Operand<T> x, Operand<T> y, Class<U> outIdx) {
        return SetDiff1d.create(scope, x, y, outIdx);
    }

    // ---------------------------------------------------------------- reductions and comparisons (tf.sum, tf.max, ...)

    /** Logical AND over {@code axis}; mirrors {@code tf.all}. */
    public All all(Operand<TBool> input, Operand<? extends TNumber> axis, All.Options... options) {
        return All.create(scope, input, axis, options);
    }

    /** Logical OR over {@code axis}; mirrors {@code tf.any}. */
    public Any any(Operand<TBool> input, Operand<? extends TNumber> axis, Any.Options... options) {
        return Any.create(scope, input, axis, options);
    }

    /** {@code t} clipped into {@code [clipValueMin, clipValueMax]}; mirrors {@code tf.clipByValue}. */
    public <T extends TType> ClipByValue<T> clipByValue(Operand<T> t, Operand<T> clipValueMin,
            Operand<T> clipValueMax) {
        return ClipByValue.create(scope, t, clipValueMin, clipValueMax);
    }

    /** Maximum over {@code axis}; mirrors {@code tf.max}. */
    public <T extends TNumber> Max<T> max(Operand<T> input, Operand<? extends TNumber> axis, Max.Options... options) {
        return Max.create(scope, input, axis, options);
    }

    /** Minimum over {@code axis}; mirrors {@code tf.min}. */
    public <T extends TNumber> Min<T> min(Operand<T> input, Operand<? extends TNumber> axis, Min.Options... options) {
        return Min.create(scope, input, axis, options);
    }

    /** Product over {@code axis}; mirrors {@code tf.prod}. */
    public <T extends TType> Prod<T> prod(Operand<T> input, Operand<? extends TNumber> axis, Prod.Options... options) {
        return Prod.create(scope, input, axis, options);
    }

    /** Logical AND over {@code axis}; mirrors {@code tf.reduceAll}. */
    public ReduceAll reduceAll(Operand<TBool> input, Operand<? extends TNumber> axis, ReduceAll.Options... options) {
        return ReduceAll.create(scope, input, axis, options);
    }

    /** Logical OR over {@code axis}; mirrors {@code tf.reduceAny}. */
    public ReduceAny reduceAny(Operand<TBool> input, Operand<? extends TNumber> axis, ReduceAny.Options... options) {
        return ReduceAny.create(scope, input, axis, options);
    }

    /** Maximum over {@code axis}; mirrors {@code tf.reduceMax}. */
    public <T extends TNumber> ReduceMax<T> reduceMax(Operand<T> input, Operand<? extends TNumber> axis,
            ReduceMax.Options... options) {
        return ReduceMax.create(scope, input, axis, options);
    }

    /** Minimum over {@code axis}; mirrors {@code tf.reduceMin}. */
    public <T extends TNumber> ReduceMin<T> reduceMin(Operand<T> input, Operand<? extends TNumber> axis,
            ReduceMin.Options... options) {
        return ReduceMin.create(scope, input, axis, options);
    }

    /** Product over {@code axis}; mirrors {@code tf.reduceProd}. */
    public <T extends TType> ReduceProd<T> reduceProd(Operand<T> input, Operand<? extends TNumber> axis,
            ReduceProd.Options... options) {
        return ReduceProd.create(scope, input, axis, options);
    }

    /** Sum over {@code axis}; mirrors {@code tf.reduceSum}. */
    public <T extends TType> ReduceSum<T> reduceSum(Operand<T> input, Operand<? extends TNumber> axis,
            ReduceSum.Options... options) {
        return ReduceSum.create(scope, input, axis, options);
    }

    /** {@code condition ? t : e} elementwise, all three broadcast; mirrors {@code tf.select}. */
    public <T extends TType> Select<T> select(Operand<TBool> condition, Operand<T> t, Operand<T> e) {
        return Select.create(scope, condition, t, e);
    }

    /** Sum over {@code axis} (a tensor of dimensions, negative from the end); mirrors {@code tf.sum}. */
    public <T extends TType> Sum<T> sum(Operand<T> input, Operand<? extends TNumber> axis, Sum.Options... options) {
        return Sum.create(scope, input, axis, options);
    }

    /** The coordinates of the true (non-zero) elements of {@code condition}, int64 {@code [n, rank]}. */
    public Where where(Operand<? extends TType> condition) {
        return Where.create(scope, condition);
    }

    // ---------------------------------------------------------------- state and control flow (tf.variable helpers, tf.whileLoop, ...)
}
