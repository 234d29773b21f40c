package dev.ember.tfcompat.checkpoint;

import dev.ember.engine.Tensor;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * TF/Keras tensor layouts to PyTorch's and back (see {@code checkpoint-and-layout.md} §4–5). Every
 * transform is a pure index permutation (plus, for RNN biases, a zero tensor), so values are copied
 * exactly. Results are contiguous tensors of the input's dtype; wrong ranks or shapes are an
 * {@link IllegalArgumentException} naming the transform and the shape. The pure permutations
 * (activations, convolution and dense kernels, depthwise kernels) keep the input's autograd history,
 * because tfcompat also runs them inside differentiable graphs (NHWC ops on NCHW kernels); the
 * others return detached tensors.
 */
public final class Layouts {

    private Layouts() {
    }

    // ------------------------------------------------------------------ activations

    /** Activations {@code [N,H,W,C]} to {@code [N,C,H,W]}: permute (0,3,1,2). */
    public static Tensor nhwcToNchw(Tensor x) {
        return permuted("nhwcToNchw", x, "(N,H,W,C)", 0, 3, 1, 2);
    }

    /** Activations {@code [N,C,H,W]} to {@code [N,H,W,C]}: permute (0,2,3,1). */
    public static Tensor nchwToNhwc(Tensor x) {
        return permuted("nchwToNhwc", x, "(N,C,H,W)", 0, 2, 3, 1);
    }

    /** Activations {@code [N,W,C]} to {@code [N,C,W]}: permute (0,2,1). */
    public static Tensor nwcToNcw(Tensor x) {
        return permuted("nwcToNcw", x, "(N,W,C)", 0, 2, 1);
    }

    /** Activations {@code [N,C,W]} to {@code [N,W,C]}: permute (0,2,1). */
    public static Tensor ncwToNwc(Tensor x) {
        return permuted("ncwToNwc", x, "(N,C,W)", 0, 2, 1);
    }

    // ------------------------------------------------------------------ convolution kernels

    /** Conv2D kernel {@code [kh,kw,in/g,out]} (HWIO) to Conv2d weight {@code [out,in/g,kh,kw]} (OIHW). */
    public static Tensor hwioToOihw(Tensor kernel) {
        return permuted("hwioToOihw", kernel, "(H,W,I,O)", 3, 2, 0, 1);
    }

    /** Conv2d weight {@code [out,in,kh,kw]} (OIHW) to a Conv2D kernel {@code [kh,kw,in,out]} (HWIO). */
    public static Tensor oihwToHwio(Tensor weight) {
        return permuted("oihwToHwio", weight, "(O,I,H,W)", 2, 3, 1, 0);
    }

    /** Conv1D kernel {@code [k,in,out]} (WIO) to Conv1d weight {@code [out,in,k]} (OIW). */
    public static Tensor wioToOiw(Tensor kernel) {
        return permuted("wioToOiw", kernel, "(W,I,O)", 2, 1, 0);
    }

    /** Conv1d weight {@code [out,in,k]} to a Conv1D kernel {@code [k,in,out]}. */
    public static Tensor oiwToWio(Tensor weight) {
        return permuted("oiwToWio", weight, "(O,I,W)", 2, 1, 0);
    }

    /** Conv3D kernel {@code [kd,kh,kw,in,out]} to Conv3d weight {@code [out,in,kd,kh,kw]}. */
    public static Tensor dhwioToOidhw(Tensor kernel) {
        return permuted("dhwioToOidhw", kernel, "(D,H,W,I,O)", 4, 3, 0, 1, 2);
    }

    /** Conv3d weight {@code [out,in,kd,kh,kw]} to a Conv3D kernel {@code [kd,kh,kw,in,out]}. */
    public static Tensor oidhwToDhwio(Tensor weight) {
        return permuted("oidhwToDhwio", weight, "(O,I,D,H,W)", 2, 3, 4, 1, 0);
    }

    /**
     * DepthwiseConv2D kernel {@code [kh,kw,C,M]} to the weight of {@code Conv2d(C, C*M, groups=C)},
     * {@code [C*M,1,kh,kw]}: output channel {@code c*M + m}, as in TF.
     */
    public static Tensor depthwiseToOihw(Tensor kernel) {
        requireRank("depthwiseToOihw", kernel, 4, "(H,W,C,M)");
        long[] s = kernel.shape();
        return kernel.permute(2, 3, 0, 1).contiguous().reshape(s[2] * s[3], 1, s[0], s[1]).contiguous();
    }

    /**
     * Conv2DTranspose kernel {@code [kh,kw,out,in]} (note: out before in) to the ConvTranspose2d weight
     * {@code [in,out,kh,kw]}: permute (3,2,0,1), no spatial flip (both are the gradient of a conv).
     */
    public static Tensor conv2dTransposeKernelToWeight(Tensor kernel) {
        return permuted("conv2dTransposeKernelToWeight", kernel, "(H,W,O,I)", 3, 2, 0, 1);
    }

    // ------------------------------------------------------------------ dense

    /** Dense kernel {@code [in,out]} to Linear weight {@code [out,in]} (transpose). */
    public static Tensor denseKernelToLinearWeight(Tensor kernel) {
        return permuted("denseKernelToLinearWeight", kernel, "(in,out)", 1, 0);
    }

    /** Linear weight {@code [out,in]} to a Dense kernel {@code [in,out]} (transpose). */
    public static Tensor linearWeightToDenseKernel(Tensor weight) {
        return permuted("linearWeightToDenseKernel", weight, "(out,in)", 1, 0);
    }

    /**
     * Fixes the input order of the first Linear after a flatten: a weight {@code [out, H*W*C]} whose
     * input index is Keras' channels-last {@code (h*W + w)*C + c} becomes {@code [out, C*H*W]} indexed
     * like PyTorch's {@code flatten} of NCHW, {@code c*H*W + h*W + w}. Apply it after
     * {@link #denseKernelToLinearWeight}.
     */
    public static Tensor flattenOrderFix(Tensor weight, long h, long w, long c) {
        requireRank("flattenOrderFix", weight, 2, "(out, H*W*C)");
        long[] s = weight.shape();
        if (h <= 0 || w <= 0 || c <= 0 || s[1] != h * w * c) {
            throw new IllegalArgumentException("flattenOrderFix: weight " + Arrays.toString(s)
                    + " needs " + h + "*" + w + "*" + c + " = " + h * w * c + " inputs (H, W, C of the flattened map)");
        }
        return weight.detach().reshape(s[0], h, w, c).permute(0, 3, 1, 2).contiguous().reshape(s[0], h * w * c)
                .contiguous();
    }

    // ------------------------------------------------------------------ recurrent

    /** The four PyTorch tensors of one RNN layer ({@code weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0}). */
    public record RnnWeights(Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh) {
    }

    /** LSTM kernel {@code [in,4U]} (gates i,f,c,o) to {@code weight_ih_l0 [4U,in]} (gates i,f,g,o: same order). */
    public static Tensor lstmKernelToWeight(Tensor kernel) {
        gates("lstmKernelToWeight", kernel, 4);
        return denseKernelToLinearWeight(kernel);
    }

    /** LSTM recurrent kernel {@code [U,4U]} to {@code weight_hh_l0 [4U,U]}. */
    public static Tensor lstmRecurrentKernelToWeight(Tensor recurrentKernel) {
        recurrent("lstmRecurrentKernelToWeight", recurrentKernel, 4);
        return denseKernelToLinearWeight(recurrentKernel);
    }

    /** LSTM bias {@code [4U]} to {@code {bias_ih_l0 = bias, bias_hh_l0 = 0}} (PyTorch adds the two). */
    public static Tensor[] lstmBiasToBiases(Tensor bias) {
        requireRank("lstmBiasToBiases", bias, 1, "(4U)");
        if (bias.size(0) % 4 != 0) {
            throw new IllegalArgumentException("lstmBiasToBiases: bias " + Arrays.toString(bias.shape())
                    + " is not 4 gates of equal size");
        }
        return new Tensor[] {bias.detach().clone(), Tensor.zeros(bias.dtype(), bias.shape())};
    }

    /** A Keras LSTM's kernel, recurrent_kernel and bias (may be null: use_bias=False) as PyTorch tensors. */
    public static RnnWeights lstm(Tensor kernel, Tensor recurrentKernel, Tensor bias) {
        Tensor[] b = bias == null ? new Tensor[2] : lstmBiasToBiases(bias);
        return new RnnWeights(lstmKernelToWeight(kernel), lstmRecurrentKernelToWeight(recurrentKernel), b[0], b[1]);
    }

    /** GRU kernel {@code [in,3U]} (Keras gates z,r,h) to {@code weight_ih_l0 [3U,in]} (PyTorch gates r,z,n). */
    public static Tensor gruKernelToWeight(Tensor kernel) {
        gates("gruKernelToWeight", kernel, 3);
        return swapFirstTwoGates(denseKernelToLinearWeight(kernel));
    }

    /** GRU recurrent kernel {@code [U,3U]} (z,r,h) to {@code weight_hh_l0 [3U,U]} (r,z,n). */
    public static Tensor gruRecurrentKernelToWeight(Tensor recurrentKernel) {
        recurrent("gruRecurrentKernelToWeight", recurrentKernel, 3);
        return swapFirstTwoGates(denseKernelToLinearWeight(recurrentKernel));
    }

    /**
     * GRU bias of a {@code reset_after=True} layer (the TF2 default), {@code [2,3U]}: row 0 (input) to
     * {@code bias_ih_l0}, row 1 (recurrent) to {@code bias_hh_l0}, both reordered z,r,h to r,z,n. A
     * {@code [3U]} bias means {@code reset_after=False}, which torch.nn.GRU cannot express: refused.
     */
    public static Tensor[] gruBiasToBiases(Tensor bias) {
        if (bias.dim() == 1) {
            throw new IllegalArgumentException("gruBiasToBiases: bias " + Arrays.toString(bias.shape())
                    + " is a GRU with reset_after=False (TF1 / old Keras default), which applies the reset gate "
                    + "before the recurrent matmul; torch.nn.GRU applies it after (reset_after=True), so these "
                    + "weights cannot be loaded into it. Retrain with reset_after=True or use a custom cell.");
        }
        requireRank("gruBiasToBiases", bias, 2, "(2, 3U)");
        long[] s = bias.shape();
        if (s[0] != 2 || s[1] % 3 != 0) {
            throw new IllegalArgumentException("gruBiasToBiases: bias " + Arrays.toString(s)
                    + " is not [2, 3U] (input and recurrent biases of 3 gates)");
        }
        Tensor b = bias.detach().contiguous();
        ByteBuffer all = b.toBytes();
        int half = all.remaining() / 2;
        Tensor ih = Tensor.fromBytes(all.duplicate().position(0).limit(half).slice(), b.dtype(), s[1]);
        Tensor hh = Tensor.fromBytes(all.duplicate().position(half).limit(2 * half).slice(), b.dtype(), s[1]);
        return new Tensor[] {swapFirstTwoGates(ih), swapFirstTwoGates(hh)};
    }

    /** A Keras GRU (reset_after=True)'s kernel, recurrent_kernel and bias (may be null) as PyTorch tensors. */
    public static RnnWeights gru(Tensor kernel, Tensor recurrentKernel, Tensor bias) {
        Tensor[] b = bias == null ? new Tensor[2] : gruBiasToBiases(bias);
        return new RnnWeights(gruKernelToWeight(kernel), gruRecurrentKernelToWeight(recurrentKernel), b[0], b[1]);
    }

    // ------------------------------------------------------------------ helpers

    private static Tensor permuted(String op, Tensor t, String layout, int... dims) {
        requireRank(op, t, dims.length, layout);
        return t.permute(dims).contiguous();
    }

    private static void requireRank(String op, Tensor t, int rank, String layout) {
        if (t.dim() != rank) {
            throw new IllegalArgumentException(op + " expects a rank-" + rank + " tensor " + layout + ", got "
                    + Arrays.toString(t.shape()));
        }
    }

    private static void gates(String op, Tensor kernel, int gates) {
        requireRank(op, kernel, 2, "(in, " + gates + "U)");
        if (kernel.size(1) % gates != 0) {
            throw new IllegalArgumentException(op + ": kernel " + Arrays.toString(kernel.shape()) + " is not "
                    + gates + " gates of equal size");
        }
    }

    private static void recurrent(String op, Tensor rk, int gates) {
        requireRank(op, rk, 2, "(U, " + gates + "U)");
        if (rk.size(1) != gates * rk.size(0)) {
            throw new IllegalArgumentException(op + ": recurrent kernel " + Arrays.toString(rk.shape())
                    + " is not [U, " + gates + "U]");
        }
    }

    /** Swaps the first two of three equal blocks along dim 0 (Keras z,r,h to PyTorch r,z,n). */
    private static Tensor swapFirstTwoGates(Tensor t) {
        Tensor c = t.contiguous();
        ByteBuffer src = c.toBytes();
        int block = src.remaining() / 3;
        ByteBuffer out = ByteBuffer.allocate(src.remaining()).order(src.order());
        out.put(src.duplicate().position(block).limit(2 * block));
        out.put(src.duplicate().position(0).limit(block));
        out.put(src.duplicate().position(2 * block).limit(3 * block));
        return Tensor.fromBytes(out.flip(), c.dtype(), c.shape());
    }
}
