package corpus.legacystringnamed;

import org.tensorflow.DataType;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.Tensors;

/**
 * The TensorFlow 1.x Java API (libtensorflow 1.15): a graph built op by op with opBuilder, string
 * attributes, Tensors.create feeds, and string-named feeds and fetches.
 */
public class LegacyScaler {
    public static float[] scale(float[] values, float factor) {
        try (Graph g = new Graph()) {
            Output<Float> x = g.opBuilder("Placeholder", "x").setAttr("dtype", DataType.FLOAT).build().output(0);
            Output<Float> k;
            try (Tensor<Float> kt = Tensors.create(factor)) {
                k = g.opBuilder("Const", "k").setAttr("dtype", DataType.FLOAT).setAttr("value", kt).build().output(0);
            }
            g.opBuilder("Mul", "scaled").addInput(x).addInput(k).build();
            try (Session s = new Session(g);
                 Tensor<Float> in = Tensors.create(values);
                 Tensor<?> out = s.runner().feed("x", in).fetch("scaled").run().get(0)) {
                return out.copyTo(new float[values.length]);
            }
        }
    }
}
