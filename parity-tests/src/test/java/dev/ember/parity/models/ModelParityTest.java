package dev.ember.parity.models;

import static dev.ember.parity.ParityAssertions.assertThatParity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.nn.BatchNorm2d;
import dev.ember.engine.nn.Sequential;
import dev.ember.parity.ParityReport;
import dev.ember.parity.ParityResult;
import dev.ember.parity.TensorComparison;
import dev.ember.tfcompat.checkpoint.ImportResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model parity: each model is built in TF-Java (NHWC, TF1/Keras variable names, TF-initialised),
 * trained 3 SGD-momentum steps in TF, saved with {@code Session.save}, imported into the engine model
 * through {@code CheckpointImporter}, and compared with the harness: output, loss, every layer's
 * output, and the gradients of the loss with respect to the input and every parameter, under the
 * default float32 tolerance (atol 1e-5 + rtol 1e-5).
 */
class ModelParityTest {
    private static final ParityReport REPORT = new ParityReport("Model parity: TF-Java 1.1.0 vs engine, weights "
            + "imported from TF checkpoints");

    @TempDir
    static Path checkpoints;

    @AfterAll
    static void writeReport() {
        REPORT.writeHtml(Path.of("target", "parity-models.html"));
        REPORT.writeMarkdown(Path.of("target", "parity-models.md"));
    }

    /** Pretrains, saves, imports and runs the training-mode case; returns the result after asserting it passes. */
    private static ParityResult trainedImportedAndCompared(String name, ModelSpec spec, int batch, long seed) {
        try (ModelCase c = ModelCase.create(name, spec, batch, seed)) {
            c.pretrain(3).save(checkpoints);
            ImportResult imported = c.importCheckpoint(true);
            assertThat(imported.problems()).as(imported.toMarkdown()).isEmpty();
            assertThat(imported.unmapped()).as(imported.toMarkdown()).isEmpty();
            assertThat(imported.skipped()).as("the momentum slots are skipped, not imported")
                    .allSatisfy(s -> assertThat(s.tfName()).endsWith("/Momentum"));
            ParityResult r = c.parity(name, true, c.engineModel(imported), imported).run();
            REPORT.add(r);
            assertThatParity(r).passes();
            return r;
        }
    }

    @Test
    void linearRegression() {
        ParityResult r = trainedImportedAndCompared("linear_regression", ModelSpec.features(6).dense("dense", 1), 8, 1);
        assertThat(names(r)).containsExactly("output", "loss", "dloss/dx", "dloss/ddense/kernel", "dloss/ddense/bias");
    }

    @Test
    void mlp() {
        trainedImportedAndCompared("mlp", ModelSpec.features(20).dense("dense", 32).relu("re_lu")
                .dense("dense_1", 10).classes(10), 8, 2);
    }

    @Test
    void smallCnn() {
        ParityResult r = trainedImportedAndCompared("small_cnn", LabModels.smallCnn(12, 12, 3), 8, 3);
        assertThat(r.tensor("dloss/ddense/kernel").orElseThrow().layout().name())
                .isEqualTo("flattened Dense kernel 2x2x8");
        assertThat(r.localisation().orElseThrow().layers()).extracting(TensorComparison::name)
                .containsExactly("conv2d", "re_lu", "max_pooling2d", "conv2d_1", "re_lu_1", "max_pooling2d_1",
                        "flatten", "dense");
    }

    @Test
    void leNet5() {
        trainedImportedAndCompared("lenet5", ModelSpec.images(28, 28, 1)
                .conv2d("conv2d", 6, 5, true).tanh("activation").avgPool("average_pooling2d", 2)
                .conv2d("conv2d_1", 16, 5, false).tanh("activation_1").avgPool("average_pooling2d_1", 2)
                .flatten("flatten").dense("dense", 120).tanh("activation_2").dense("dense_1", 84)
                .tanh("activation_3").dense("dense_2", 10).classes(10), 4, 4);
    }

    static ModelSpec vggBlock() {
        return ModelSpec.images(8, 8, 3)
                .conv2d("conv2d", 8, 3, true).batchNorm("batch_normalization").relu("re_lu")
                .conv2d("conv2d_1", 8, 3, true).batchNorm("batch_normalization_1").relu("re_lu_1")
                .maxPool("max_pooling2d", 2).flatten("flatten").dense("dense", 10).classes(10);
    }

    @Test
    void vggBlockWithBatchNormInTrainingAndInferenceMode() {
        try (ModelCase c = ModelCase.create("vgg_bn", vggBlock(), 8, 5)) {
            c.pretrain(3).save(checkpoints);
            assertThat(c.variableNames()).contains("batch_normalization/gamma", "batch_normalization/beta",
                    "batch_normalization/moving_mean", "batch_normalization/moving_variance",
                    "batch_normalization_1/moving_variance");
            ImportResult imported = c.importCheckpoint(true);
            assertThat(imported.problems()).isEmpty();
            assertThat(imported.stateDict()).containsKeys("batch_normalization.running_mean",
                    "batch_normalization.num_batches_tracked");

            ParityResult training = c.parity("vgg_bn_training", true, c.engineModel(imported), imported).run();
            REPORT.add(training);
            assertThatParity(training).passes();
            // the running statistics after the batch: Keras momentum 0.99 = PyTorch momentum 0.01, unbiased variance
            assertThat(names(training)).contains("batch_normalization/moving_mean",
                    "batch_normalization_1/moving_variance");

            ParityResult inference = c.parity("vgg_bn_inference", false, c.engineModel(imported), imported).run();
            REPORT.add(inference);
            assertThatParity(inference).passes();
            assertThat(names(inference)).doesNotContain("batch_normalization/moving_mean");
        }
    }

    @Test
    void lstmClassifier() {
        ParityResult r = trainedImportedAndCompared("lstm_classifier", ModelSpec.sequences(5, 4).lstm("lstm", 8)
                .dense("dense", 3).classes(3), 6, 6);
        assertThat(names(r)).contains("dloss/dlstm/lstm_cell/kernel", "dloss/dlstm/lstm_cell/recurrent_kernel",
                "dloss/dlstm/lstm_cell/bias@bias_ih_l0", "dloss/dlstm/lstm_cell/bias@bias_hh_l0");
    }

    @Test
    void gruClassifier() {
        ParityResult r = trainedImportedAndCompared("gru_classifier", ModelSpec.sequences(5, 4).gru("gru", 8)
                .dense("dense", 3).classes(3), 6, 7);
        assertThat(r.tensor("dloss/dgru/gru_cell/bias@bias_hh_l0").orElseThrow().layout().name())
                .isEqualTo("GRU bias row 1 zrh<->rzn");
    }

    // ---------------------------------------------------------------- the harness catches mistakes

    @Test
    void importingWithoutTheFlattenFixIsCaughtAtTheFirstDenseLayer() {
        try (ModelCase c = ModelCase.create("small_cnn_no_flatten_fix", LabModels.smallCnn(12, 12, 3), 8, 3)) {
            c.pretrain(3).save(checkpoints);
            ImportResult wrong = c.importCheckpoint(false);   // loads fine: [10, 32] either way
            ParityResult r = c.parity("small_cnn_without_flatten_fix (deliberate mistake, must fail)", true, c.engineModel(wrong), wrong).run();
            REPORT.add(r);
            assertThatParity(r).fails();
            assertThat(r.localisation().orElseThrow().firstDivergingLayer().orElseThrow().name()).isEqualTo("dense");
            assertThat(r.localisation().orElseThrow().layers().stream().filter(TensorComparison::passed)
                    .map(TensorComparison::name)).contains("conv2d", "max_pooling2d_1", "flatten");
            assertThatParity(r).tensor("output").fails();
            assertThatParity(r).tensor("dloss/ddense/kernel").fails();
            assertThat(r.describe()).contains("first diverging layer: dense");
        }
    }

    @Test
    void batchNormWithPyTorchsDefaultEpsilonIsCaughtAtTheBatchNormLayer() {
        try (ModelCase c = ModelCase.create("vgg_bn_pytorch_eps", vggBlock(), 8, 5)) {
            c.pretrain(3).save(checkpoints);
            ImportResult imported = c.importCheckpoint(true);
            Sequential model = c.spec().engineModel();
            // eps is no checkpoint tensor: forgetting Keras' 1e-3 leaves PyTorch's 1e-5 in place
            model.setModule("batch_normalization", new BatchNorm2d(8));
            model.loadStateDict(imported.stateDict(), true);
            ParityResult r = c.parity("vgg_bn_inference_with_pytorch_eps (deliberate mistake, must fail)", false,
                    model, imported).run();
            REPORT.add(r);
            assertThatParity(r).fails();
            assertThat(r.localisation().orElseThrow().firstDivergingLayer().orElseThrow().name())
                    .isEqualTo("batch_normalization");
            assertThat(r.localisation().orElseThrow().layers().get(0).passed()).as("conv2d").isTrue();
        }
    }

    private static List<String> names(ParityResult r) {
        return r.comparisons().stream().map(TensorComparison::name).toList();
    }
}
