package dev.ember.tfcompat.checkpoint;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides the layout transform of a tensor mapped with {@link Transform#AUTO} from its kind: the
 * variable's leaf name ({@code kernel}, {@code recurrent_kernel}, {@code depthwise_kernel}, ...), its
 * rank, its siblings in the same layer (an RNN cell's {@code recurrent_kernel} tells LSTM from GRU)
 * and the layer name (TF variable name from the object graph for Keras keys). When these do not
 * decide, the answer is a problem text, never a guess.
 */
final class TensorKinds {

    private static final String SUFFIX = "/.ATTRIBUTES/VARIABLE_VALUE";
    private static final Pattern CELL = Pattern.compile("(?:[A-Za-z0-9_]*_cell(?:_\\d+)?|cell)");
    private static final Pattern TRANSPOSED = Pattern.compile("(?i).*(transpose|deconv).*");
    private static final Pattern CONV = Pattern.compile("(?i).*conv.*");

    /** Transform, or the reason none can be chosen. */
    record Decision(Transform transform, String problem) {
        static Decision of(Transform t) {
            return new Decision(t, null);
        }

        static Decision problem(String why) {
            return new Decision(null, why);
        }
    }

    /** A key split into its layer path (unescaped, {@code /}-joined) and leaf variable name. */
    record Parsed(String key, String layer, String leaf) {
        static Parsed of(String key) {
            boolean keras = key.endsWith(SUFFIX);
            String path = keras ? NameRules.kerasPath(key.substring(0, key.length() - SUFFIX.length())) : key;
            int slash = path.lastIndexOf('/');
            return new Parsed(key, slash < 0 ? "" : path.substring(0, slash), path.substring(slash + 1));
        }

        /** The key of variable {@code leaf} in the same layer (same key style). */
        String sibling(String leaf) {
            boolean keras = key.endsWith(SUFFIX);
            String path = keras ? key.substring(0, key.length() - SUFFIX.length()) : key;
            int slash = path.lastIndexOf('/');
            return (slash < 0 ? "" : path.substring(0, slash + 1)) + leaf + (keras ? SUFFIX : "");
        }

        boolean inCell() {
            int slash = layer.lastIndexOf('/');
            return CELL.matcher(layer.substring(slash + 1)).matches();
        }
    }

    private final Map<String, CheckpointEntry> entries;
    private final Map<String, String> fullNames;

    /** {@code entries} by key; {@code fullNames}: checkpoint key -> TF variable name, from the object graph. */
    TensorKinds(Map<String, CheckpointEntry> entries, Map<String, String> fullNames) {
        this.entries = entries;
        this.fullNames = fullNames;
    }

    Decision decide(CheckpointEntry e) {
        Parsed p = Parsed.of(e.name());
        int rank = e.rank();
        String leaf = p.leaf();
        if (leaf.equals("kernel") || leaf.equals("recurrent_kernel") || leaf.equals("bias")) {
            CheckpointEntry rk = entries.get(p.sibling("recurrent_kernel"));
            if (p.inCell() || rk != null) {
                return recurrent(p, e, rk);
            }
        }
        if (entries.containsKey(p.sibling("pointwise_kernel"))) {
            return Decision.problem("'" + p.layer() + "' is a SeparableConv2D (it has a pointwise_kernel): map its "
                    + "depthwise_kernel, pointwise_kernel and bias with user rules (transforms depthwise, conv2d, "
                    + "none; the bias belongs to the pointwise conv)");
        }
        switch (leaf) {
            case "bias":
                return rank == 1 ? Decision.of(Transform.NONE)
                        : Decision.problem("bias of rank " + rank + " " + e.shapeText() + " outside an RNN cell");
            case "gamma": case "beta": case "moving_mean": case "moving_variance": case "embeddings":
                return Decision.of(Transform.NONE);
            case "depthwise_kernel":
                return rank == 4 ? Decision.of(Transform.DEPTHWISE)
                        : Decision.problem("depthwise_kernel of rank " + rank + " " + e.shapeText() + "; expected [kh,kw,C,M]");
            case "kernel":
                return kernel(p, e);
            default:
                return rank <= 1 ? Decision.of(Transform.NONE)
                        : Decision.problem("cannot tell the kind of '" + leaf + "' " + e.shapeText()
                                + " from its name; give the transform in a rule ('none' if the layout is already right)");
        }
    }

    private Decision kernel(Parsed p, CheckpointEntry e) {
        String hint = p.layer() + " " + fullNames.getOrDefault(e.name(), "");
        boolean transposed = TRANSPOSED.matcher(hint).matches();
        switch (e.rank()) {
            case 2:
                return Decision.of(Transform.DENSE);
            case 3:
                return transposed ? Decision.problem("Conv1DTranspose kernels are not supported")
                        : Decision.of(Transform.CONV1D);
            case 4:
                if (transposed) {
                    return Decision.of(Transform.CONV2D_TRANSPOSE);
                }
                if (CONV.matcher(hint).matches()) {
                    return Decision.of(Transform.CONV2D);
                }
                return Decision.problem("rank-4 kernel " + e.shapeText() + " of '" + p.layer() + "': Conv2D or "
                        + "Conv2DTranspose cannot be told from the name; add a rule with transform conv2d or "
                        + "conv2d_transpose");
            case 5:
                return transposed ? Decision.problem("Conv3DTranspose kernels are not supported")
                        : Decision.of(Transform.CONV3D);
            default:
                return Decision.problem("kernel of rank " + e.rank() + " " + e.shapeText()
                        + " is no Dense or Conv kernel");
        }
    }

    private Decision recurrent(Parsed p, CheckpointEntry e, CheckpointEntry rk) {
        if (rk == null) {
            return Decision.problem("RNN cell '" + p.layer() + "' has no recurrent_kernel: cannot tell LSTM from GRU");
        }
        long[] s = rk.shape();
        if (s.length != 2 || s[0] <= 0 || s[1] % s[0] != 0) {
            return Decision.problem("recurrent_kernel of '" + p.layer() + "' has shape " + Arrays.toString(s)
                    + ", not [U, k*U]");
        }
        long gates = s[1] / s[0];
        boolean bias = p.leaf().equals("bias");
        boolean recurrentKernel = p.leaf().equals("recurrent_kernel");
        if (gates == 4) {
            return Decision.of(bias ? Transform.LSTM_BIAS : recurrentKernel ? Transform.LSTM_RECURRENT
                    : Transform.LSTM_KERNEL);
        }
        if (gates == 3) {
            CheckpointEntry b = entries.get(p.sibling("bias"));
            if (b != null && b.rank() == 1) {
                return Decision.problem("GRU '" + p.layer() + "' has bias " + b.shapeText() + ": reset_after=False "
                        + "(TF1 / old Keras default) applies the reset gate before the recurrent matmul, which "
                        + "torch.nn.GRU cannot express; retrain with reset_after=True or use a custom cell");
            }
            return Decision.of(bias ? Transform.GRU_BIAS : recurrentKernel ? Transform.GRU_RECURRENT
                    : Transform.GRU_KERNEL);
        }
        return Decision.problem("recurrent_kernel of '" + p.layer() + "' " + Arrays.toString(s) + " has " + gates
                + " gate(s); only LSTM (4) and GRU (3) are supported");
    }
}
