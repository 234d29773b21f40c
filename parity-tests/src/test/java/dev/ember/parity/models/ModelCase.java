package dev.ember.parity.models;

import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Module;
import dev.ember.engine.nn.Sequential;
import dev.ember.parity.EngineSide;
import dev.ember.parity.Input;
import dev.ember.parity.Layout;
import dev.ember.parity.Parity;
import dev.ember.parity.TfGraphSide;
import dev.ember.tfcompat.checkpoint.CheckpointImporter;
import dev.ember.tfcompat.checkpoint.ImportResult;
import dev.ember.tfcompat.checkpoint.NameRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One model's trip from TensorFlow to the engine, the way a user makes it: the {@link ModelSpec} is
 * built as a TF-Java graph with random TF-initialised variables, trained a few SGD-momentum steps in
 * TF ({@code ApplyMomentum}), saved with {@code Session.save}, imported with
 * {@link CheckpointImporter} ({@code NameRules.tf1()}, plus the flatten fix of the first Dense after
 * a conv stack) into the engine model; then a {@link Parity} case compares outputs, every layer's
 * output and the gradients of the loss with respect to the input and every parameter, in training
 * mode (BatchNorm on batch statistics, and its running statistics after the batch) or inference mode
 * (a second TF graph restored from the same checkpoint, BatchNorm on the moving statistics).
 */
public final class ModelCase implements AutoCloseable {
    private final String name;
    private final ModelSpec spec;
    private final int batch;
    private final long seed;
    private final TfGraphSide train;
    private final TfModel trainModel;
    private final TfOptimizer optimizer;
    private TfGraphSide eval;
    private Path prefix;

    private ModelCase(String name, ModelSpec spec, int batch, long seed, TfGraphSide train, TfModel trainModel,
            TfOptimizer optimizer) {
        this.name = name;
        this.spec = spec;
        this.batch = batch;
        this.seed = seed;
        this.train = train;
        this.trainModel = trainModel;
        this.optimizer = optimizer;
    }

    /**
     * Builds the training-mode TF graph of {@code spec} for batches of {@code batch}, with the SGD-momentum
     * optimizer {@link #pretrain} uses (lr 0.05, momentum 0.9), and initialises it.
     */
    public static ModelCase create(String name, ModelSpec spec, int batch, long seed) {
        return create(name, spec, batch, seed, m -> TfOptimizer.momentum(m, 0.05f, 0.9f));
    }

    /** {@link #create(String, ModelSpec, int, long)} with the TF optimizer {@code optimizer} builds. */
    public static ModelCase create(String name, ModelSpec spec, int batch, long seed,
            Function<TfModel, TfOptimizer> optimizer) {
        TfModel[] model = new TfModel[1];
        TfOptimizer[] opt = new TfOptimizer[1];
        TfGraphSide side = TfGraphSide.build(b -> {
            model[0] = TfModel.build(b, spec, batch, true, seed);
            opt[0] = optimizer.apply(model[0]);
        });
        side.session().initialize();
        return new ModelCase(name, spec, batch, seed, side, model[0], opt[0]);
    }

    /** The training-mode TF model (placeholders, loss, variables). */
    public TfModel tfModel() {
        return trainModel;
    }

    /** The TF optimizer built with the graph. */
    public TfOptimizer optimizer() {
        return optimizer;
    }

    /** The session of the training-mode graph. */
    public Session session() {
        return train.session();
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The TF variables (checkpoint names) of the model, optimizer slots excluded. */
    public Set<String> variableNames() {
        return trainModel.variables.keySet();
    }

    /** Runs {@code steps} SGD-momentum steps in TF on random batches (seeded), BatchNorm statistics included. */
    public ModelCase pretrain(int steps) {
        Random rnd = new Random(seed ^ 0x5eedL);
        for (int s = 0; s < steps; s++) {
            try (org.tensorflow.Tensor x = randomX(rnd); org.tensorflow.Tensor t = randomTarget(rnd)) {
                train.session().runner().feed(trainModel.x, x).feed(trainModel.target, t)
                        .addTarget(optimizer.step()).run();
            }
        }
        return this;
    }

    private org.tensorflow.Tensor randomX(Random rnd) {
        long[] dims = spec.inputDims();
        long[] shape = new long[dims.length + 1];
        shape[0] = batch;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        float[] v = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(v, true, false));
    }

    private org.tensorflow.Tensor randomTarget(Random rnd) {
        if (spec.classCount() > 0) {
            long[] labels = new long[batch];
            for (int i = 0; i < batch; i++) {
                labels[i] = rnd.nextInt(spec.classCount());
            }
            return TInt64.vectorOf(labels);
        }
        long out = spec.outputDims()[0];
        float[] v = new float[(int) (batch * out)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return TFloat32.tensorOf(Shape.of(batch, out), DataBuffers.of(v, true, false));
    }

    /** {@code Session.save} of every variable (optimizer slots too) under {@code dir}; returns the prefix. */
    public Path save(Path dir) {
        try {
            prefix = Files.createDirectories(dir.resolve(name)).resolve("model.ckpt");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        train.session().save(prefix.toString());
        return prefix;
    }

    /** The importer users would write: TF1 names, the flatten fix when the model needs one and {@code fix}. */
    public ImportResult importCheckpoint(boolean fix) {
        CheckpointImporter importer = CheckpointImporter.with(NameRules.tf1());
        CheckpointImporter.FlattenFix f = spec.flattenFix();
        if (fix && f != null) {
            importer = importer.flattenFix(f.layer(), f.h(), f.w(), f.c());
        }
        return importer.importFrom(requireSaved());
    }

    /** A fresh engine model with {@code imported} loaded strictly. */
    public Sequential engineModel(ImportResult imported) {
        Sequential model = spec.engineModel();
        model.loadStateDict(imported.stateDict(), true);
        return model;
    }

    private Path requireSaved() {
        if (prefix == null) {
            throw new IllegalStateException("ModelCase '" + name + "': save(...) the checkpoint first");
        }
        return prefix;
    }

    // ---------------------------------------------------------------- the parity case

    /**
     * The parity case of {@code model} (loaded from {@code imported}) against TF in training or inference
     * mode: inputs {@code x} (normal) and {@code target}, every layer's output compared, gradients of
     * {@code loss} with respect to {@code x} and every parameter (named by TF variable), with the
     * comparison layouts following the import's transforms.
     */
    public Parity.Builder parity(String caseName, boolean training, Sequential model, ImportResult imported) {
        long[] dims = spec.inputDims();
        long[] xShape = new long[dims.length + 1];
        xShape[0] = batch;
        System.arraycopy(dims, 0, xShape, 1, dims.length);
        Input target = spec.classCount() > 0 ? Input.int64(batch).ints(0, spec.classCount())
                : Input.float32(batch, spec.outputDims()[0]).normal(0, 1);
        Parity.Builder p = Parity.named(caseName).seed(seed)
                .input("x", Input.float32(xShape).normal(0, 1).layout(spec.inputLayout()))
                .input("target", target)
                .intermediates(Parity.Intermediates.ALWAYS);
        spec.layerLayouts().forEach(p::layout);
        ImportedParameters params = ImportedParameters.of(imported, model, spec.flattenFix());
        params.layouts().forEach(p::layout);
        String[] wrt = new String[params.parameters().size() + 1];
        wrt[0] = "x";
        int i = 1;
        for (String n : params.parameters().keySet()) {
            wrt[i++] = n;
        }
        Map<String, String> moving = training ? params.buffersByTfName(trainModel.movingUpdates.keySet()) : Map.of();
        return p.gradients("loss", wrt)
                .tf(training ? train : evalSide())
                .engine(engineSide(model, training, moving).withParameters(params.parameters()));
    }

    private EngineSide engineSide(Sequential model, boolean training, Map<String, String> moving) {
        return EngineSide.traced((in, trace) -> {
            model.train(training);
            Tensor h = in.get("x");
            for (Map.Entry<String, Module> layer : model.namedChildren().entrySet()) {
                h = trace.record(layer.getKey(), layer.getValue().forward(h));
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            out.put("output", h);
            out.put("loss", spec.engineLoss(h, in.get("target")));
            Map<String, Tensor> buffers = model.namedBuffers();
            moving.forEach((tfName, engineName) -> out.put(tfName, buffers.get(engineName).detach().clone()));
            return out;
        });
    }

    /** The inference-mode TF graph, restored from the saved checkpoint (built on first use). */
    private TfGraphSide evalSide() {
        if (eval == null) {
            Path p = requireSaved();
            eval = TfGraphSide.build(b -> TfModel.build(b, spec, batch, false, seed));
            eval.session().restore(p.toString());
        }
        return eval;
    }

    @Override
    public void close() {
        try {
            train.close();
        } finally {
            if (eval != null) {
                eval.close();
            }
        }
    }

    /** The engine tensors a checkpoint import produced, keyed like the TF side's gradient targets. */
    public record ImportedParameters(Map<String, Tensor> parameters, Map<String, Layout> layouts,
            Map<String, String> engineNamesByTfName) {

        public static ImportedParameters of(ImportResult imported, Module model, CheckpointImporter.FlattenFix fix) {
            Map<String, ImportResult.Row> rowByEngineName = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (ImportResult.Row row : imported.rows()) {
                if (row.tfName() != null) {   // null: added by the import (num_batches_tracked)
                    rowByEngineName.put(row.engineName(), row);
                    names.putIfAbsent(row.tfName(), row.engineName());
                }
            }
            Map<String, Tensor> params = new LinkedHashMap<>();
            Map<String, Layout> layouts = new LinkedHashMap<>();
            model.namedParameters().forEach((engine, tensor) -> {   // in the model's order
                ImportResult.Row row = rowByEngineName.get(engine);
                if (row == null) {
                    throw new IllegalArgumentException("the import produced no tensor for parameter '" + engine + "'");
                }
                String key = row.transform().producesTwoTensors()
                        ? row.tfName() + "@" + engine.substring(engine.lastIndexOf('.') + 1) : row.tfName();
                params.put(key, tensor);
                layouts.put(key, layoutOf(row, fix));
            });
            return new ImportedParameters(params, layouts, names);
        }

        /** TF variable name -> engine buffer name, for {@code tfNames}. */
        Map<String, String> buffersByTfName(Collection<String> tfNames) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String n : tfNames) {
                String engine = engineNamesByTfName.get(n);
                if (engine == null) {
                    throw new IllegalArgumentException("the import has no tensor for TF variable '" + n + "'");
                }
                out.put(n, engine);
            }
            return out;
        }

        /** How a TF variable's gradient compares with its engine parameter's, by the import's transform. */
        static Layout layoutOf(ImportResult.Row row, CheckpointImporter.FlattenFix fix) {
            switch (row.transform()) {
                case NONE: case LSTM_BIAS:
                    return Layout.NONE;
                case DENSE: case LSTM_KERNEL: case LSTM_RECURRENT:
                    return Layout.IO_OI;
                case CONV2D:
                    return Layout.HWIO_OIHW;
                case FLATTEN_DENSE:
                    return Layout.flattenedDenseKernel(fix.h(), fix.w(), fix.c());
                case GRU_KERNEL: case GRU_RECURRENT:
                    return Layout.gruKernel();
                case GRU_BIAS:
                    return Layout.gruBias(row.engineName().contains("bias_hh") ? 1 : 0);
                default:
                    throw new IllegalArgumentException("no comparison layout for transform " + row.transform() + " of '"
                            + row.tfName() + "'");
            }
        }
    }
}
