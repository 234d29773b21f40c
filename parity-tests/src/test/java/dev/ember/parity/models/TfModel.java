package dev.ember.parity.models;

import dev.ember.parity.TfGraphSide;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The TF-Java graph of a {@link ModelSpec}, built with plain {@code Ops} the way a TF1 / Keras model
 * is: {@code VariableV2} variables named {@code <layer>/<leaf>} with random initial values drawn by
 * TF's own random ops (seeded), read through {@code Identity}, NHWC ops, and for LSTM/GRU the Keras
 * cell math unrolled over time with TF ops (gate order i,f,c,o; GRU reset_after=True z,r,h with its
 * two bias rows). TF's fused RNN kernels are not used on purpose: {@code LSTMBlockCell} orders its
 * gates i,c,f,o, {@code GRUBlockCell} is the reset_after=False cell, and neither has a C++ gradient
 * that {@code Graph.addGradients} could use.
 *
 * <p>What it declares on the {@link TfGraphSide.Builder}: placeholders {@code x} and {@code target},
 * outputs {@code output} and {@code loss}, one intermediate per layer (named like the layer), in
 * training mode the BatchNorm running statistics after this batch ({@code <bn>/moving_mean},
 * {@code <bn>/moving_variance}), and the gradients of {@code loss} with respect to {@code x} and
 * every trainable variable (an RNN bias twice, as {@code <name>@bias_ih_l0} and
 * {@code <name>@bias_hh_l0}, the two engine tensors it becomes).
 */
public final class TfModel {
    /** Keras' BatchNormalization defaults. */
    static final float BN_EPSILON = 1e-3f;
    static final float BN_MOMENTUM = 0.99f;

    final Graph graph;
    final Ops tf;
    final boolean training;
    final int batch;
    private final long seed;
    private int draws;

    Placeholder<TFloat32> x;
    Placeholder<?> target;
    Operand<TFloat32> output;
    Operand<TFloat32> loss;
    /** Every variable, by TF name, in creation order. */
    final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    /** Trainable variables by TF name (BatchNorm moving statistics are not). */
    final Map<String, Variable<TFloat32>> trainable = new LinkedHashMap<>();
    /** The {@code Identity} read of each variable, by TF name. */
    final Map<String, Operand<TFloat32>> reads = new LinkedHashMap<>();
    /** Gradient targets: name -> the read it differentiates (an RNN bias appears under two names). */
    final Map<String, Operand<TFloat32>> gradientTargets = new LinkedHashMap<>();
    /** Training mode: BatchNorm moving variable name -> its value after this batch. */
    final Map<String, Operand<TFloat32>> movingUpdates = new LinkedHashMap<>();

    private TfModel(Graph graph, Ops tf, boolean training, int batch, long seed) {
        this.graph = graph;
        this.tf = tf;
        this.training = training;
        this.batch = batch;
        this.seed = seed;
    }

    /**
     * Builds {@code spec} for a batch of {@code batch} on {@code b}'s graph, in training mode (BatchNorm
     * on batch statistics) or inference mode (on the moving ones); {@code seed} fixes the initial values.
     */
    public static TfModel build(TfGraphSide.Builder b, ModelSpec spec, int batch, boolean training, long seed) {
        TfModel m = new TfModel(b.graph(), b.tf(), training, batch, seed);
        m.define(b, spec);
        return m;
    }

    /** The input placeholder {@code x} (TF layout). */
    public Placeholder<TFloat32> x() {
        return x;
    }

    /** The target placeholder: int64 labels for classifiers, float targets for regressions. */
    public Placeholder<?> target() {
        return target;
    }

    /** The scalar loss. */
    public Operand<TFloat32> loss() {
        return loss;
    }

    /** The trainable variables by TF name, in creation order. */
    public Map<String, Variable<TFloat32>> trainableVariables() {
        return java.util.Collections.unmodifiableMap(trainable);
    }

    private void define(TfGraphSide.Builder b, ModelSpec spec) {
        long[] in = spec.inputDims();
        long[] shape = new long[in.length + 1];
        shape[0] = batch;
        System.arraycopy(in, 0, shape, 1, in.length);
        x = b.placeholder("x", TFloat32.class, shape);
        Operand<TFloat32> h = x;
        for (ModelSpec.Layer l : spec.layers()) {
            h = layer(l, h);
            b.intermediate(l.name, h);
        }
        output = h;
        long[] out = spec.outputDims();
        if (spec.classCount() > 0) {
            Placeholder<TInt64> labels = b.placeholder("target", TInt64.class, batch);
            target = labels;
            var oneHot = tf.oneHot(labels, tf.constant(spec.classCount()), tf.constant(1f), tf.constant(0f));
            var xent = tf.nn.softmaxCrossEntropyWithLogits(output, oneHot).loss();
            loss = tf.math.mean(xent, tf.constant(0));
        } else {
            Placeholder<TFloat32> t = b.placeholder("target", TFloat32.class, batch, out[0]);
            target = t;
            loss = tf.math.mean(tf.math.squaredDifference(output, t), tf.constant(new int[] {0, 1}),
                    Mean.keepDims(false));
        }
        b.output("output", output).output("loss", loss);
        movingUpdates.forEach(b::output);
        List<String> wrt = new ArrayList<>(List.of("x"));
        gradientTargets.forEach((n, read) -> {
            b.parameter(n, read);
            wrt.add(n);
        });
        b.gradients("loss", loss, wrt.toArray(new String[0]));
    }

    // ---------------------------------------------------------------- layers

    private Operand<TFloat32> layer(ModelSpec.Layer l, Operand<TFloat32> h) {
        switch (l.kind) {
            case CONV2D: {
                Ops s = tf.withSubScope(l.name);
                long fanIn = (long) l.k * l.k * l.in[2];
                long fanOut = (long) l.k * l.k * l.units;
                var kernel = glorot(s, l.name, "kernel", fanIn, fanOut, l.k, l.k, l.in[2], l.units);
                var bias = uniform(s, l.name, "bias", -0.1, 0.1, l.units);
                return tf.nn.biasAdd(tf.nn.conv2d(h, kernel, List.of(1L, 1L, 1L, 1L), l.same ? "SAME" : "VALID"),
                        bias);
            }
            case BATCH_NORM:
                return batchNorm(l, h);
            case RELU:
                return tf.nn.relu(h);
            case TANH:
                return tf.math.tanh(h);
            case MAX_POOL:
                return tf.nn.maxPool(h, tf.constant(new int[] {1, l.k, l.k, 1}), tf.constant(new int[] {1, l.k, l.k, 1}),
                        "VALID");
            case AVG_POOL:
                return tf.nn.avgPool(h, List.of(1L, (long) l.k, (long) l.k, 1L), List.of(1L, (long) l.k, (long) l.k, 1L),
                        "VALID");
            case FLATTEN:
                return tf.reshape(h, tf.constant(new long[] {-1, l.out[0]}));
            case DENSE: {
                Ops s = tf.withSubScope(l.name);
                var kernel = glorot(s, l.name, "kernel", l.in[0], l.units, l.in[0], l.units);
                var bias = uniform(s, l.name, "bias", -0.1, 0.1, l.units);
                return tf.nn.biasAdd(tf.linalg.matMul(h, kernel), bias);
            }
            case LSTM:
                return lstm(l, h);
            case GRU:
                return gru(l, h);
            default:
                throw new IllegalStateException(l.kind.toString());
        }
    }

    private Operand<TFloat32> batchNorm(ModelSpec.Layer l, Operand<TFloat32> h) {
        Ops s = tf.withSubScope(l.name);
        long c = l.in[2];
        var gamma = uniform(s, l.name, "gamma", 0.5, 1.5, c);
        var beta = uniform(s, l.name, "beta", -0.2, 0.2, c);
        var mean = nonTrainable(s, l.name, "moving_mean", -0.2, 0.2, c);
        var variance = nonTrainable(s, l.name, "moving_variance", 0.5, 1.5, c);
        // Keras' fused path: FusedBatchNormV3 updates the moving statistics itself with factor 1 - momentum
        // (variance Bessel-corrected), exactly what PyTorch's running_mean/var update does with momentum 0.01.
        var bn = tf.nn.fusedBatchNorm(h, gamma, beta, mean, variance, FusedBatchNorm.epsilon(BN_EPSILON),
                FusedBatchNorm.exponentialAvgFactor(1f - BN_MOMENTUM), FusedBatchNorm.isTraining(training),
                FusedBatchNorm.dataFormat("NHWC"));
        if (training) {
            movingUpdates.put(l.name + "/moving_mean", bn.batchMean());
            movingUpdates.put(l.name + "/moving_variance", bn.batchVariance());
        }
        return bn.y();
    }

    private Operand<TFloat32> lstm(ModelSpec.Layer l, Operand<TFloat32> h) {
        Ops s = tf.withSubScope(l.name).withSubScope("lstm_cell");
        String cell = l.name + "/lstm_cell";
        long units = l.units;
        long features = l.in[1];
        var kernel = glorot(s, cell, "kernel", features, 4 * units, features, 4 * units);
        var recurrent = glorot(s, cell, "recurrent_kernel", units, 4 * units, units, 4 * units);
        var bias = uniform(s, cell, "bias", -0.1, 0.1, 4 * units);
        aliasRnnBias(cell);
        List<Output<TFloat32>> steps = tf.unstack(h, l.in[0], Unstack.axis(1L)).output();
        Operand<TFloat32> hPrev = tf.zeros(tf.constant(new long[] {batch, units}), TFloat32.class);
        Operand<TFloat32> cPrev = hPrev;
        for (Output<TFloat32> xt : steps) {
            // Keras LSTMCell: z = x K + h R + b; i, f, c, o = split(z); c = f c + i tanh(c~); h = o tanh(c)
            var z = tf.nn.biasAdd(tf.math.add(tf.linalg.matMul(xt, kernel), tf.linalg.matMul(hPrev, recurrent)), bias);
            List<Output<TFloat32>> g = tf.split(tf.constant(1), z, 4L).output();
            var i = tf.math.sigmoid(g.get(0));
            var f = tf.math.sigmoid(g.get(1));
            var o = tf.math.sigmoid(g.get(3));
            cPrev = tf.math.add(tf.math.mul(f, cPrev), tf.math.mul(i, tf.math.tanh(g.get(2))));
            hPrev = tf.math.mul(o, tf.math.tanh(cPrev));
        }
        return hPrev;
    }

    private Operand<TFloat32> gru(ModelSpec.Layer l, Operand<TFloat32> h) {
        Ops s = tf.withSubScope(l.name).withSubScope("gru_cell");
        String cell = l.name + "/gru_cell";
        long units = l.units;
        long features = l.in[1];
        var kernel = glorot(s, cell, "kernel", features, 3 * units, features, 3 * units);
        var recurrent = glorot(s, cell, "recurrent_kernel", units, 3 * units, units, 3 * units);
        var bias = uniform(s, cell, "bias", -0.1, 0.1, 2, 3 * units);
        aliasRnnBias(cell);
        List<Output<TFloat32>> rows = tf.unstack(bias, 2L).output();
        List<Output<TFloat32>> steps = tf.unstack(h, l.in[0], Unstack.axis(1L)).output();
        Operand<TFloat32> hPrev = tf.zeros(tf.constant(new long[] {batch, units}), TFloat32.class);
        for (Output<TFloat32> xt : steps) {
            // Keras GRUCell, reset_after=True: x K + b_in and h R + b_rec split into z, r, h blocks;
            // z = sig(xz + rz), r = sig(xr + rr), hh = tanh(xh + r * rh), h = z h + (1 - z) hh
            List<Output<TFloat32>> mx = tf.split(tf.constant(1), tf.nn.biasAdd(tf.linalg.matMul(xt, kernel),
                    rows.get(0)), 3L).output();
            List<Output<TFloat32>> mh = tf.split(tf.constant(1), tf.nn.biasAdd(tf.linalg.matMul(hPrev, recurrent),
                    rows.get(1)), 3L).output();
            var z = tf.math.sigmoid(tf.math.add(mx.get(0), mh.get(0)));
            var r = tf.math.sigmoid(tf.math.add(mx.get(1), mh.get(1)));
            var hh = tf.math.tanh(tf.math.add(mx.get(2), tf.math.mul(r, mh.get(2))));
            hPrev = tf.math.add(tf.math.mul(z, hPrev), tf.math.mul(tf.math.sub(tf.constant(1f), z), hh));
        }
        return hPrev;
    }

    /** The RNN bias becomes two engine tensors: its gradient is compared with both, under two names. */
    private void aliasRnnBias(String cell) {
        String name = cell + "/bias";
        Operand<TFloat32> read = gradientTargets.remove(name);
        gradientTargets.put(name + "@bias_ih_l0", read);
        gradientTargets.put(name + "@bias_hh_l0", read);
    }

    // ---------------------------------------------------------------- variables

    /** Keras' glorot_uniform: U(+-sqrt(6 / (fan_in + fan_out))). */
    private Operand<TFloat32> glorot(Ops scope, String layer, String leaf, long fanIn, long fanOut, long... shape) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        return uniform(scope, layer, leaf, -limit, limit, shape);
    }

    private Operand<TFloat32> uniform(Ops scope, String layer, String leaf, double lo, double hi, long... shape) {
        Variable<TFloat32> v = variable(scope, layer, leaf, lo, hi, shape);
        trainable.put(layer + "/" + leaf, v);
        Operand<TFloat32> read = reads.get(layer + "/" + leaf);
        gradientTargets.put(layer + "/" + leaf, read);
        return read;
    }

    private Operand<TFloat32> nonTrainable(Ops scope, String layer, String leaf, double lo, double hi, long... shape) {
        variable(scope, layer, leaf, lo, hi, shape);
        return reads.get(layer + "/" + leaf);
    }

    /** A VariableV2 {@code <layer>/<leaf>} initialised by TF's RandomUniform in [lo, hi) (seeded). */
    private Variable<TFloat32> variable(Ops scope, String layer, String leaf, double lo, double hi, long... shape) {
        Ops init = tf.withInitScope();
        var u = init.random.randomUniform(init.constant(shape), TFloat32.class,
                RandomUniform.seed(seed).seed2((long) ++draws));
        var value = init.math.add(init.math.mul(u, init.constant((float) (hi - lo))), init.constant((float) lo));
        Variable<TFloat32> v = scope.withName(leaf).variable(value);
        String name = layer + "/" + leaf;
        if (!v.op().name().equals(name)) {
            throw new IllegalStateException("TfModel: variable '" + name + "' was named '" + v.op().name()
                    + "' by TF-Java (a scope used twice?)");
        }
        variables.put(name, v);
        reads.put(name, tf.identity(v));
        return v;
    }
}
