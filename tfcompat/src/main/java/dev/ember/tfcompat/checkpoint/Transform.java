package dev.ember.tfcompat.checkpoint;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The layout change applied to one checkpoint tensor on import, named in rule files by
 * {@link #ruleName()}. {@link #AUTO} means "decide from the tensor's kind" (its name and rank); the
 * importer reports tensors whose kind it cannot decide instead of guessing.
 */
public enum Transform {
    /** Decide from the tensor's kind; only in rules, never in an import row. */
    AUTO("auto", "chosen from the tensor's name and rank"),
    NONE("none", "unchanged"),
    DENSE("dense", "Dense kernel [in,out] -> Linear weight [out,in] (transpose)"),
    FLATTEN_DENSE("flatten_dense", "Dense kernel after Flatten [H*W*C,out] -> Linear weight [out,C*H*W] (transpose, NHWC->NCHW input order)"),
    CONV1D("conv1d", "Conv1D kernel [k,in,out] -> Conv1d weight [out,in,k]"),
    CONV2D("conv2d", "Conv2D kernel HWIO -> Conv2d weight OIHW"),
    CONV3D("conv3d", "Conv3D kernel DHWIO -> Conv3d weight OIDHW"),
    DEPTHWISE("depthwise", "DepthwiseConv2D kernel [kh,kw,C,M] -> Conv2d(groups=C) weight [C*M,1,kh,kw]"),
    CONV2D_TRANSPOSE("conv2d_transpose", "Conv2DTranspose kernel [kh,kw,out,in] -> ConvTranspose2d weight [in,out,kh,kw]"),
    LSTM_KERNEL("lstm_kernel", "LSTM kernel [in,4U] -> weight_ih [4U,in] (gates i,f,c,o = i,f,g,o)"),
    LSTM_RECURRENT("lstm_recurrent", "LSTM recurrent_kernel [U,4U] -> weight_hh [4U,U]"),
    LSTM_BIAS("lstm_bias", "LSTM bias [4U] -> bias_ih = bias, bias_hh = 0"),
    GRU_KERNEL("gru_kernel", "GRU kernel [in,3U] -> weight_ih [3U,in] (gates z,r,h -> r,z,n)"),
    GRU_RECURRENT("gru_recurrent", "GRU recurrent_kernel [U,3U] -> weight_hh [3U,U] (gates z,r,h -> r,z,n)"),
    GRU_BIAS("gru_bias", "GRU bias [2,3U] -> bias_ih = row 0, bias_hh = row 1 (gates z,r,h -> r,z,n)"),
    /** Not from the checkpoint: PyTorch BatchNorm's {@code num_batches_tracked} buffer, int64 0. */
    ADDED("added", "not in the checkpoint: created (BatchNorm num_batches_tracked = 0)");

    private final String ruleName;
    private final String description;

    Transform(String ruleName, String description) {
        this.ruleName = ruleName;
        this.description = description;
    }

    /** The name used in rule files, e.g. {@code conv2d_transpose}. */
    public String ruleName() {
        return ruleName;
    }

    /** What the transform does, for reports. */
    public String description() {
        return description;
    }

    /** {@code true} for the RNN bias transforms, which produce a second tensor ({@code bias_hh}). */
    public boolean producesTwoTensors() {
        return this == LSTM_BIAS || this == GRU_BIAS;
    }

    /** The transform called {@code name} in a rule file (case-insensitive). */
    public static Transform forRuleName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Transform t : values()) {
            if (t.ruleName.equals(n) && t != ADDED) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transform '" + name + "'; expected one of " + ruleNames());
    }

    /** The names accepted in rule files. */
    public static String ruleNames() {
        return Arrays.stream(values()).filter(t -> t != ADDED).map(Transform::ruleName)
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return ruleName;
    }
}
