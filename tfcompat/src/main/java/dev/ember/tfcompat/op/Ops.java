package dev.ember.tfcompat.op;

import dev.ember.tfcompat.ExecutionEnvironment;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.core.Assign;
import dev.ember.tfcompat.op.core.AssignAdd;
import dev.ember.tfcompat.op.core.AssignSub;
import dev.ember.tfcompat.op.core.Constant;
import dev.ember.tfcompat.op.core.Gradients;
import dev.ember.tfcompat.op.core.Identity;
import dev.ember.tfcompat.op.core.Init;
import dev.ember.tfcompat.op.core.NoOp;
import dev.ember.tfcompat.op.core.Placeholder;
import dev.ember.tfcompat.op.core.StopGradient;
import dev.ember.tfcompat.op.core.Variable;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TFloat64;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.TString;
import dev.ember.tfcompat.types.family.TType;
import java.util.Arrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;

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
        Scope initScope = scope.withInitScope();
        Variable<T> v = Variable.create(scope, init.shape(), init.type(), options);
        Assign.create(initScope.withName(v.op().name() + "_init"), v, init);
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

    // ---------------------------------------------------------------- reductions and comparisons (tf.sum, tf.max, ...)

    // ---------------------------------------------------------------- state and control flow (tf.variable helpers, tf.whileLoop, ...)
}
