package corpus.keraslikelayers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** A Keras-like mini framework: user classes wrap the layers, a Sequential chains them, predict runs the graph. */
public class TinyKeras {

    /** A layer builds its variables and its part of the graph. */
    interface Layer {
        Operand<TFloat32> apply(Ops tf, Operand<TFloat32> input);
    }

    static final class Dense implements Layer {
        private final String name;
        private final float[][] kernel;
        private final boolean relu;

        Dense(String name, float[][] kernel, boolean relu) {
            this.name = name;
            this.kernel = kernel;
            this.relu = relu;
        }

        @Override
        public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> input) {
            Ops scope = tf.withSubScope(name);
            Variable<TFloat32> w = scope.withName("kernel").variable(tf.constant(kernel));
            Variable<TFloat32> b = scope.withName("bias").variable(tf.constant(new float[kernel[0].length]));
            Operand<TFloat32> y = tf.math.add(tf.linalg.matMul(input, w), b);
            return relu ? tf.nn.relu(y) : y;
        }
    }

    static final class Sequential {
        private final List<Layer> layers = new ArrayList<>();

        Sequential add(Layer layer) {
            layers.add(layer);
            return this;
        }

        Operand<TFloat32> apply(Ops tf, Operand<TFloat32> input) {
            Operand<TFloat32> x = input;
            for (Layer l : layers) {
                x = l.apply(tf, x);
            }
            return x;
        }
    }

    public static float[][] predict(float[][] rows) {
        Sequential model = new Sequential()
                .add(new Dense("dense1", new float[][] {{0.1f, 0.2f}, {0.3f, -0.1f}}, true))
                .add(new Dense("dense2", new float[][] {{0.5f}, {-0.4f}}, false));
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
            Operand<TFloat32> y = model.apply(tf, x);
            try (Session s = new Session(g);
                 TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(rows));
                 Result r = s.runner().feed(x, in).fetch(y).run()) {
                return StdArrays.array2dCopyOf((TFloat32) r.get(0));
            }
        }
    }
}
