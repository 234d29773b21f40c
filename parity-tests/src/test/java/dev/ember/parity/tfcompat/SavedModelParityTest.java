package dev.ember.parity.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A SavedModel exported by real TF-Java ({@code SavedModelBundle.exporter(dir).withSession(s)
 * .withSignature(sig).export()}) of a small dense network with TF1 variables, trained a few steps on
 * TF, then loaded by tfcompat's {@code SavedModelBundle}: same predictions (through the signature
 * function and through string-named feeds/fetches), and a gradient-descent step run by target name
 * gives the same weights as the same step on TF's own load of the model. The model tfcompat then
 * exports is loaded back by TF.
 *
 * <p>The training step's gradients are written out with ops of tfcompat's registry (MatMul with
 * transposes, Sub/Mul, a Cast-to-bool ReLU mask) rather than built by TF's {@code addGradients},
 * whose gradient graph needs array/reduction kernels of other op families (Shape, Sum, Reshape,
 * BroadcastGradientArgs, ReluGrad).
 */
class SavedModelParityTest {
    static final int N = 4;
    private static final String[] WEIGHTS = {"w1", "b1", "w2", "b2"};

    /** x[N,3] -> relu(x w1 + b1) w2 + b2, biases [1,k]; "train" = one SGD step on the mean squared error against t. */
    static Signature buildDenseModel(Ops tf, long seed) {
        Random rnd = new Random(seed);
        var x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(N, 3)));
        var t = tf.withName("t").placeholder(TFloat32.class, Placeholder.shape(Shape.of(N, 2)));
        var w1 = tf.withName("w1").variable(tf.constant(random(rnd, 3, 5)));
        var b1 = tf.withName("b1").variable(tf.constant(random(rnd, 1, 5)));
        var w2 = tf.withName("w2").variable(tf.constant(random(rnd, 5, 2)));
        var b2 = tf.withName("b2").variable(tf.constant(random(rnd, 1, 2)));
        var h = tf.withName("h").nn.relu(tf.math.add(tf.linalg.matMul(x, w1), b1));
        var out = tf.withName("out").math.add(tf.linalg.matMul(h, w2), b2);
        // d(mean((out - t)^2))/d(out) = 2 (out - t) / (N * 2)
        var dout = tf.math.mul(tf.math.sub(out, t), tf.constant(2f / (N * 2)));
        var ones = tf.constant(new float[][] {{1, 1, 1, 1}});
        var dw2 = tf.linalg.matMul(h, dout, MatMul.transposeA(true));
        var db2 = tf.linalg.matMul(ones, dout);
        var dh = tf.linalg.matMul(dout, w2, MatMul.transposeB(true));
        var dpre = tf.math.mul(dh, tf.dtypes.cast(tf.dtypes.cast(h, TBool.class), TFloat32.class));
        var dw1 = tf.linalg.matMul(x, dpre, MatMul.transposeA(true));
        var db1 = tf.linalg.matMul(ones, dpre);
        // every gradient is computed (reading the weights) before any weight changes
        Ops apply = tf.withControlDependencies(List.of(dw1, db1, dw2, db2));
        var lr = tf.constant(0.1f);
        List<Op> steps = new ArrayList<>();
        Variable<?>[] vars = {w1, b1, w2, b2};
        Operand<?>[] grads = {dw1, db1, dw2, db2};
        for (int i = 0; i < vars.length; i++) {
            steps.add(apply.train.applyGradientDescent((Variable<TFloat32>) vars[i], lr, (Operand<TFloat32>) grads[i]));
        }
        tf.withControlDependencies(steps).withName("train").noOp();
        return Signature.builder().key(Signature.DEFAULT_KEY).input("x", x).output("out", out).build();
    }

    static float[][] random(Random rnd, int rows, int cols) {
        float[][] v = new float[rows][cols];
        for (float[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (rnd.nextGaussian() * 0.7);
            }
        }
        return v;
    }

    static final float[][] X = {{0.5f, -1, 2}, {1, 1, 1}, {-2, 0.25f, 0}, {3, -0.5f, 1.5f}};
    static final float[][] T = {{1, 0}, {0, 1}, {0.5f, 0.5f}, {-1, 2}};

    private static void trainTf(Session s) {
        try (TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(X)); TFloat32 t = TFloat32.tensorOf(StdArrays.ndCopyOf(T))) {
            s.runner().feed("x", x).feed("t", t).addTarget("train").run();
        }
    }

    private static Map<String, float[][]> weightsTf(Session s) {
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (String w : WEIGHTS) {
            try (var r = s.runner().fetch(w).run()) {
                out.put(w, StdArrays.array2dCopyOf((TFloat32) r.get(0)));
            }
        }
        return out;
    }

    private static Map<String, float[][]> weightsOurs(dev.ember.tfcompat.Session s) {
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (String w : WEIGHTS) {
            try (var r = s.runner().fetch(w).run()) {
                out.put(w, StdArrays.array2dCopyOf((dev.ember.tfcompat.types.TFloat32) r.get(0)));
            }
        }
        return out;
    }

    private static float[][] predictTf(SavedModelBundle b) {
        try (TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(X)); var r = b.function("serving_default").call(Map.of("x", x))) {
            return StdArrays.array2dCopyOf((TFloat32) r.get("out").get());
        }
    }

    private static float[][] predictOurs(dev.ember.tfcompat.SavedModelBundle b) {
        try (var x = dev.ember.tfcompat.types.TFloat32.tensorOf(StdArrays.ndCopyOf(X));
             var r = b.function("serving_default").call(Map.of("x", x))) {
            return StdArrays.array2dCopyOf((dev.ember.tfcompat.types.TFloat32) r.get("out").get());
        }
    }

    static void assertClose(String what, float[][] tf, float[][] ours) {
        assertThat(ours.length).as(what).isEqualTo(tf.length);
        for (int i = 0; i < tf.length; i++) {
            for (int j = 0; j < tf[i].length; j++) {
                double tol = 1e-5 + 1e-5 * Math.abs(tf[i][j]);
                assertThat((double) ours[i][j]).as("%s[%d][%d]", what, i, j).isCloseTo(tf[i][j],
                        org.assertj.core.data.Offset.offset(tol));
            }
        }
    }

    @Test
    void aTfJavaExportedDenseModelPredictsAndTrainsTheSameOnTheEngine(@TempDir Path dir) throws Exception {
        String exportDir = dir.resolve("dense").toString();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Signature sig = buildDenseModel(Ops.create(g), 7);
            s.initialize();
            trainTf(s);
            trainTf(s);
            SavedModelBundle.exporter(exportDir).withSession(s).withSignature(sig).export();
        }
        try (SavedModelBundle tf = SavedModelBundle.load(exportDir, "serve");
             dev.ember.tfcompat.SavedModelBundle ours = dev.ember.tfcompat.SavedModelBundle.load(exportDir, "serve")) {
            TfOpParity.recordEngineGraph(ours.metaGraphDef().getGraphDef());
            assertThat(ours.signatures()).hasSize(1);
            assertThat(ours.signatures().get(0).inputNames()).containsExactly("x");
            assertThat(ours.signatures().get(0).getInputs().get("x").name).isEqualTo("x:0");
            Map<String, float[][]> restored = weightsOurs(ours.session());
            weightsTf(tf.session()).forEach((k, v) -> assertClose("restored " + k, v, restored.get(k)));
            assertClose("prediction", predictTf(tf), predictOurs(ours));

            // string-named feed and fetch through the signature's tensor names
            Signature.TensorDescription in = tf.function("serving_default").signature().getInputs().get("x");
            String outName = ours.signatures().get(0).getOutputs().get("out").name;
            try (var x = dev.ember.tfcompat.types.TFloat32.tensorOf(StdArrays.ndCopyOf(X));
                 var r = ours.session().runner().feed(in.name, x).fetch(outName).run()) {
                assertClose("prediction by tensor names", predictTf(tf),
                        StdArrays.array2dCopyOf((dev.ember.tfcompat.types.TFloat32) r.get(0)));
            }

            // one training step run by target name on both
            trainTf(tf.session());
            try (var x = dev.ember.tfcompat.types.TFloat32.tensorOf(StdArrays.ndCopyOf(X));
                 var t = dev.ember.tfcompat.types.TFloat32.tensorOf(StdArrays.ndCopyOf(T))) {
                ours.session().runner().feed("x", x).feed("t", t).addTarget("train").run().close();
            }
            Map<String, float[][]> after = weightsOurs(ours.session());
            weightsTf(tf.session()).forEach((k, v) -> assertClose("after a step " + k, v, after.get(k)));
            assertClose("prediction after a step", predictTf(tf), predictOurs(ours));
            assertThat(after.get("w1")).isNotEqualTo(restored.get("w1"));

            // tfcompat exports the trained model; TF loads it and predicts the same
            String again = dir.resolve("dense-from-tfcompat").toString();
            dev.ember.tfcompat.SavedModelBundle.exporter(again).withSession(ours.session())
                    .withSignature(ours.signatures().get(0)).export();
            try (SavedModelBundle back = SavedModelBundle.load(again, "serve")) {
                assertClose("TF on tfcompat's export", predictOurs(ours), predictTf(back));
            }
        }
    }

    @Test
    void aTf2StyleSavedModelWithResourceVariablesAndFunctionsLoadsTheSame(@TempDir Path dir) throws Exception {
        org.tensorflow.proto.MetaGraphDef meta = Tf2StyleSavedModel.metaGraph();
        Path sm = dir.resolve("tf2");
        Tf2StyleSavedModel.writeProto(sm, meta);
        // TF writes the variables by running the model's own save function
        try (Graph g = new Graph(); Session s = new Session(g)) {
            g.importGraphDef(meta.getGraphDef());
            s.runner().addTarget("init_kernel").addTarget("init_bias").run();
            try (var p = org.tensorflow.types.TString.scalarOf(sm.resolve("variables/variables").toString())) {
                s.runner().feed("saver_filename", p).addTarget("StatefulPartitionedCall_1").run();
            }
        }
        try (dev.ember.tfcompat.checkpoint.TfCheckpoint c = dev.ember.tfcompat.checkpoint.TfCheckpoint.open(sm)) {
            assertThat(c.names()).containsExactly(Tf2StyleSavedModel.BIAS_KEY, Tf2StyleSavedModel.KERNEL_KEY);
        }
        float[][] x = {{1, 2, 3}, {-1, 0.5f, 2}, {0, 0, -1}};
        try (SavedModelBundle tf = SavedModelBundle.load(sm.toString(), "serve");
             dev.ember.tfcompat.SavedModelBundle ours = dev.ember.tfcompat.SavedModelBundle.load(sm.toString(), "serve")) {
            TfOpParity.recordEngineGraph(meta.getGraphDef());
            assertThat(ours.signatures()).extracting(dev.ember.tfcompat.Signature::key).containsExactly("serving_default");
            assertClose("TF2-style prediction", predict(tf, x), predict(ours, x));
            // by hand: relu(x K + b)
            float[][] expected = new float[x.length][2];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < 2; j++) {
                    float v = Tf2StyleSavedModel.BIAS[j];
                    for (int k = 0; k < 3; k++) {
                        v += x[i][k] * Tf2StyleSavedModel.KERNEL[k * 2 + j];
                    }
                    expected[i][j] = Math.max(v, 0);
                }
            }
            assertClose("TF2-style prediction by hand", expected, predict(ours, x));

            // tfcompat changes the kernel and saves through the model's save function; TF restores that
            String prefix = dir.resolve("changed/ckpt").toString();
            java.nio.file.Files.createDirectories(dir.resolve("changed"));
            try (var k = dev.ember.tfcompat.types.TFloat32.tensorOf(StdArrays.ndCopyOf(
                    new float[][] {{1, 0}, {0, 1}, {-1, 1}}))) {
                ours.session().runner().feed("kernel_value", k).addTarget("init_kernel").run().close();
            }
            ours.session().save(prefix);
            tf.session().restore(prefix);
            assertClose("TF restoring tfcompat's checkpoint", predict(ours, x), predict(tf, x));
            assertThat(predict(ours, x)).isNotEqualTo(expected);
        }
    }

    private static float[][] predict(SavedModelBundle b, float[][] x) {
        try (TFloat32 t = TFloat32.tensorOf(StdArrays.ndCopyOf(x)); var r = b.call(Map.of("x", t))) {
            return StdArrays.array2dCopyOf((TFloat32) r.get("output_0").get());
        }
    }

    private static float[][] predict(dev.ember.tfcompat.SavedModelBundle b, float[][] x) {
        try (var t = dev.ember.tfcompat.types.TFloat32.tensorOf(StdArrays.ndCopyOf(x)); var r = b.call(Map.of("x", t))) {
            return StdArrays.array2dCopyOf((dev.ember.tfcompat.types.TFloat32) r.get("output_0").get());
        }
    }

    @Test
    void tf1WhileLoopFramesStayRefusedClearly() {
        GraphDef def;
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            var x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            g.whileLoop(new org.tensorflow.Output<?>[] {x.asOutput()},
                    (cg, in, out) -> out[0] = Ops.create(cg).dtypes.cast((Operand<TFloat32>) in[0], TBool.class).asOutput(),
                    (bg, in, out) -> out[0] = Ops.create(bg).math.sub((Operand<TFloat32>) in[0],
                            Ops.create(bg).constant(1f)).asOutput(), "loop");
            def = g.toGraphDef();
        }
        try (dev.ember.tfcompat.Graph g = new dev.ember.tfcompat.Graph()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> g.importGraphDef(def))
                    .isInstanceOf(dev.ember.tfcompat.exceptions.TFUnimplementedException.class)
                    .hasMessageContaining("Enter").hasMessageContaining("NextIteration").hasMessageContaining("Exit");
        }
    }
}
