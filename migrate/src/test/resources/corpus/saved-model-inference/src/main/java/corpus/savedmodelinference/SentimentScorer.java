package corpus.savedmodelinference;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;

/**
 * Inference on a SavedModel exported from Python: the graph is not in the source, the session is
 * driven by the op names of the serving signature.
 */
public class SentimentScorer implements AutoCloseable {
    static final String MODEL_DIR = "models/sentiment";

    private final SavedModelBundle bundle;

    public SentimentScorer() {
        bundle = SavedModelBundle.load(MODEL_DIR, "serve");
    }

    /** Positive-class probability of each embedded sentence. */
    public List<Float> score(float[][] embeddings) {
        Session session = bundle.session();
        List<Float> out = new ArrayList<>();
        try (TFloat32 input = TFloat32.tensorOf(StdArrays.ndCopyOf(embeddings));
             Result r = session.runner().feed("serving_default_embedding:0", input)
                     .fetch("StatefulPartitionedCall:0").run()) {
            TFloat32 probs = (TFloat32) r.get(0);
            for (int i = 0; i < embeddings.length; i++) {
                out.add(probs.getFloat(i, 0));
            }
        }
        return out;
    }

    @Override
    public void close() {
        bundle.close();
    }
}
