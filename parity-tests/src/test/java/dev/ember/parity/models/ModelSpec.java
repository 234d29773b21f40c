package dev.ember.parity.models;

import dev.ember.engine.Tensor;
import dev.ember.engine.nn.AvgPool2d;
import dev.ember.engine.nn.BatchNorm2d;
import dev.ember.engine.nn.Conv2d;
import dev.ember.engine.nn.ConvOptions;
import dev.ember.engine.nn.CrossEntropyLoss;
import dev.ember.engine.nn.Flatten;
import dev.ember.engine.nn.GRU;
import dev.ember.engine.nn.LSTM;
import dev.ember.engine.nn.Linear;
import dev.ember.engine.nn.MSELoss;
import dev.ember.engine.nn.MaxPool2d;
import dev.ember.engine.nn.Module;
import dev.ember.engine.nn.ReLU;
import dev.ember.engine.nn.RNNBase;
import dev.ember.engine.nn.Sequential;
import dev.ember.engine.nn.Tanh;
import dev.ember.parity.Layout;
import dev.ember.tfcompat.checkpoint.CheckpointImporter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras-style sequential model written once and built twice: as a TF-Java graph ({@link TfModel},
 * NHWC, variables named like TF1/Keras layers: {@code conv2d/kernel}, {@code dense_1/bias},
 * {@code batch_normalization/moving_mean}, {@code lstm/lstm_cell/recurrent_kernel}) and as an engine
 * {@link Sequential} (NCHW) whose children carry the same layer names, so that
 * {@code NameRules.tf1()} maps one onto the other and each layer's output can be compared by name.
 *
 * <pre>{@code
 * ModelSpec cnn = ModelSpec.images(12, 12, 1).conv2d("conv2d", 4, 3, true).relu("re_lu")
 *         .maxPool("max_pooling2d", 2).flatten("flatten").dense("dense", 10).classes(10);
 * }</pre>
 * Each side is its own framework's code: the spec only fixes the architecture and names.
 */
public final class ModelSpec {

    /** What the model's input is (per sample, TF layout) and what its loss is. */
    enum InputKind { IMAGES, FEATURES, SEQUENCES }

    private final InputKind kind;
    private final long[] inputDims;
    private final List<Layer> layers = new ArrayList<>();
    private int classes;

    private ModelSpec(InputKind kind, long... inputDims) {
        this.kind = kind;
        this.inputDims = inputDims;
    }

    /** NHWC images {@code [N, h, w, c]} (engine NCHW). */
    public static ModelSpec images(int h, int w, int c) {
        return new ModelSpec(InputKind.IMAGES, h, w, c);
    }

    /** Feature vectors {@code [N, f]}. */
    public static ModelSpec features(int f) {
        return new ModelSpec(InputKind.FEATURES, f);
    }

    /** Batch-major sequences {@code [N, t, f]} (Keras' layout; the engine RNNs run with batchFirst). */
    public static ModelSpec sequences(int t, int f) {
        return new ModelSpec(InputKind.SEQUENCES, t, f);
    }

    // ---------------------------------------------------------------- layers

    /** Keras {@code Conv2D(filters, k, padding='same'|'valid')}, stride 1, odd {@code k}. */
    public ModelSpec conv2d(String name, int filters, int k, boolean same) {
        return add(new Layer(name, Kind.CONV2D, filters, k, same));
    }

    /** Keras {@code BatchNormalization()} on the channels: epsilon 1e-3, momentum 0.99. */
    public ModelSpec batchNorm(String name) {
        return add(new Layer(name, Kind.BATCH_NORM, 0, 0, false));
    }

    /** Keras {@code ReLU()}. */
    public ModelSpec relu(String name) {
        return add(new Layer(name, Kind.RELU, 0, 0, false));
    }

    /** Keras {@code Activation('tanh')}. */
    public ModelSpec tanh(String name) {
        return add(new Layer(name, Kind.TANH, 0, 0, false));
    }

    /** Keras {@code MaxPooling2D(k)} (stride k, valid). */
    public ModelSpec maxPool(String name, int k) {
        return add(new Layer(name, Kind.MAX_POOL, 0, k, false));
    }

    /** Keras {@code AveragePooling2D(k)} (stride k, valid). */
    public ModelSpec avgPool(String name, int k) {
        return add(new Layer(name, Kind.AVG_POOL, 0, k, false));
    }

    /** Keras {@code Flatten()}: channels-last order on the TF side, {@code flatten} of NCHW on the engine. */
    public ModelSpec flatten(String name) {
        return add(new Layer(name, Kind.FLATTEN, 0, 0, false));
    }

    /** Keras {@code Dense(units)} (no activation). */
    public ModelSpec dense(String name, int units) {
        return add(new Layer(name, Kind.DENSE, units, 0, false));
    }

    /** Keras {@code LSTM(units)} (last output only); its cell's variables are {@code <name>/lstm_cell/...}. */
    public ModelSpec lstm(String name, int units) {
        return add(new Layer(name, Kind.LSTM, units, 0, false));
    }

    /** Keras {@code GRU(units, reset_after=True)} (last output only); variables {@code <name>/gru_cell/...}. */
    public ModelSpec gru(String name, int units) {
        return add(new Layer(name, Kind.GRU, units, 0, false));
    }

    /**
     * The loss: softmax cross-entropy over {@code classes} with int64 labels (mean over the batch);
     * without this call, mean squared error against float targets shaped like the output.
     */
    public ModelSpec classes(int classes) {
        this.classes = classes;
        return this;
    }

    private ModelSpec add(Layer layer) {
        for (Layer l : layers) {
            if (l.name.equals(layer.name)) {
                throw new IllegalArgumentException("ModelSpec: layer name '" + layer.name + "' used twice");
            }
        }
        layer.in = layers.isEmpty() ? inputDims : layers.get(layers.size() - 1).out;
        layer.out = layer.outDims(layer.in);
        layers.add(layer);
        return this;
    }

    // ---------------------------------------------------------------- queries

    List<Layer> layers() {
        return layers;
    }

    /** The input's per-sample TF dims. */
    long[] inputDims() {
        return inputDims.clone();
    }

    /** The output's per-sample dims. */
    long[] outputDims() {
        return layers.get(layers.size() - 1).out.clone();
    }

    /** Number of classes, or 0 for a regression (MSE) model. */
    int classCount() {
        return classes;
    }

    /** The layout of the input {@code x}: NHWC->NCHW for images, none otherwise. */
    public Layout inputLayout() {
        return kind == InputKind.IMAGES ? Layout.NHWC_NCHW : Layout.NONE;
    }

    /** Each layer's output layout, by layer name, in layer order. */
    public Map<String, Layout> layerLayouts() {
        Map<String, Layout> out = new LinkedHashMap<>();
        for (Layer l : layers) {
            out.put(l.name, l.outputLayout());
        }
        return out;
    }

    /**
     * The first Dense after a Flatten of an {@code h x w x c} map with more than one channel and pixel,
     * whose kernel needs {@link CheckpointImporter#flattenFix}; null when there is none.
     */
    public CheckpointImporter.FlattenFix flattenFix() {
        for (int i = 1; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l.kind == Kind.DENSE && layers.get(i - 1).kind == Kind.FLATTEN) {
                long[] map = layers.get(i - 1).in;
                if (map.length == 3 && map[2] > 1 && map[0] * map[1] > 1) {
                    return new CheckpointImporter.FlattenFix(l.name, map[0], map[1], map[2]);
                }
            }
        }
        return null;
    }

    /** The engine model: a {@link Sequential} with one child per layer, named like the layer. */
    public Sequential engineModel() {
        Map<String, Module> children = new LinkedHashMap<>();
        for (Layer l : layers) {
            children.put(l.name, l.engineModule());
        }
        return new Sequential(children);
    }

    /** The engine loss of {@code output} against {@code target}: cross-entropy for classifiers, else MSE. */
    public Tensor engineLoss(Tensor output, Tensor target) {
        return classes > 0 ? new CrossEntropyLoss().forward(output, target) : new MSELoss().forward(output, target);
    }

    // ---------------------------------------------------------------- one layer

    enum Kind { CONV2D, BATCH_NORM, RELU, TANH, MAX_POOL, AVG_POOL, FLATTEN, DENSE, LSTM, GRU }

    /** One layer: kind, size arguments and the per-sample dims it takes and gives (TF layout). */
    static final class Layer {
        final String name;
        final Kind kind;
        final int units;
        final int k;
        final boolean same;
        long[] in;
        long[] out;

        Layer(String name, Kind kind, int units, int k, boolean same) {
            if (name == null || name.isBlank() || name.contains(".")) {
                throw new IllegalArgumentException("ModelSpec: bad layer name '" + name + "'");
            }
            this.name = name;
            this.kind = kind;
            this.units = units;
            this.k = k;
            this.same = same;
        }

        long[] outDims(long[] in) {
            switch (kind) {
                case CONV2D:
                    rank(in, 3);
                    return same ? new long[] {in[0], in[1], units} : new long[] {in[0] - k + 1, in[1] - k + 1, units};
                case MAX_POOL: case AVG_POOL:
                    rank(in, 3);
                    return new long[] {in[0] / k, in[1] / k, in[2]};
                case BATCH_NORM:
                    rank(in, 3);
                    return in.clone();
                case RELU: case TANH:
                    return in.clone();
                case FLATTEN:
                    return new long[] {Arrays.stream(in).reduce(1, (a, b) -> a * b)};
                case DENSE:
                    rank(in, 1);
                    return new long[] {units};
                case LSTM: case GRU:
                    rank(in, 2);
                    return new long[] {units};
                default:
                    throw new IllegalStateException(kind.toString());
            }
        }

        private void rank(long[] in, int rank) {
            if (in.length != rank) {
                throw new IllegalArgumentException("ModelSpec: layer '" + name + "' (" + kind + ") needs a rank-" + rank
                        + " input per sample, got " + Arrays.toString(in));
            }
        }

        Layout outputLayout() {
            if (out.length == 3) {
                return Layout.NHWC_NCHW;
            }
            if (kind == Kind.FLATTEN && in.length == 3) {
                return Layout.flattenedNhwc(in[0], in[1], in[2]);
            }
            return Layout.NONE;
        }

        Module engineModule() {
            switch (kind) {
                case CONV2D:
                    return new Conv2d((int) in[2], units, k, ConvOptions.defaults().padding(same ? k / 2 : 0));
                case BATCH_NORM:
                    return new BatchNorm2d((int) in[2], 1e-3, 0.01);   // Keras epsilon and 1 - momentum
                case RELU:
                    return new ReLU();
                case TANH:
                    return new Tanh();
                case MAX_POOL:
                    return new MaxPool2d(k);
                case AVG_POOL:
                    return new AvgPool2d(k);
                case FLATTEN:
                    return new Flatten();
                case DENSE:
                    return new Linear((int) in[0], units);
                case LSTM:
                    return new LastStepLstm((int) in[1], units);
                case GRU:
                    return new LastStepGru((int) in[1], units);
                default:
                    throw new IllegalStateException(kind.toString());
            }
        }
    }

    /** An LSTM returning its last output {@code [N, U]}, like Keras' {@code return_sequences=False}. */
    static final class LastStepLstm extends LSTM {
        LastStepLstm(int inputSize, int units) {
            super(RNNBase.options(inputSize, units).batchFirst(true));
        }

        @Override
        public Tensor forward(Tensor input) {
            return forward(input, null).h().squeeze(0);
        }
    }

    /** A GRU returning its last output {@code [N, U]}, like Keras' {@code return_sequences=False}. */
    static final class LastStepGru extends GRU {
        LastStepGru(int inputSize, int units) {
            super(RNNBase.options(inputSize, units).batchFirst(true));
        }

        @Override
        public Tensor forward(Tensor input) {
            return forward(input, null).h().squeeze(0);
        }
    }
}
