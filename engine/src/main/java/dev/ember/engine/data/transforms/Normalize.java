package dev.ember.engine.data.transforms;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.Arrays;

/**
 * {@code (x - mean[c]) / std[c]} for each channel {@code c} of a {@code [..., C, H, W]} float
 * tensor; mirrors {@code torchvision.transforms.Normalize(mean, std)}. Computed in the tensor's
 * dtype (mean and std are first rounded to it, as PyTorch does); a one-value mean or std applies
 * to every channel. Returns a new tensor.
 */
public final class Normalize implements Transform<Tensor, Tensor> {
    private final double[] mean;
    private final double[] std;

    /** Per-channel means and standard deviations (or one value for all channels). */
    public Normalize(double[] mean, double[] std) {
        if (mean == null || std == null || mean.length == 0 || std.length == 0) {
            throw new IllegalArgumentException("Normalize: mean and std need at least one value each, got mean="
                    + Arrays.toString(mean) + ", std=" + Arrays.toString(std));
        }
        for (int i = 0; i < std.length; i++) {
            if ((float) std[i] == 0f) {
                throw new IllegalArgumentException("Normalize: std[" + i + "] = " + std[i]
                        + " evaluated to zero after conversion to float32, leading to division by zero");
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    @Override
    public Tensor apply(Tensor x) {
        if (x == null || !x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Normalize: input tensor should be a float tensor, got "
                    + (x == null ? "null" : x.dtype()));
        }
        long[] shape = x.shape();
        if (shape.length < 3) {
            throw new IllegalArgumentException("Normalize: expected a tensor image of size (..., C, H, W), got "
                    + Arrays.toString(shape));
        }
        int c = (int) shape[shape.length - 3];
        for (double[] v : new double[][] {mean, std}) {
            if (v.length != 1 && v.length != c) {
                throw new IllegalArgumentException("Normalize: mean and std need 1 or " + c + " values for a "
                        + Arrays.toString(shape) + " image, got mean=" + Arrays.toString(mean) + ", std="
                        + Arrays.toString(std));
            }
        }
        int plane = (int) (shape[shape.length - 1] * shape[shape.length - 2]);
        if (x.dtype() == DType.FLOAT64) {
            double[] v = x.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                int ch = (i / plane) % c;
                v[i] = (v[i] - at(mean, ch)) / at(std, ch);
            }
            return Tensor.fromArray(v, shape);
        }
        float[] v = x.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            int ch = (i / plane) % c;
            v[i] = (v[i] - (float) at(mean, ch)) / (float) at(std, ch);
        }
        return Tensor.fromArray(v, shape);
    }

    private static double at(double[] v, int ch) {
        return v.length == 1 ? v[0] : v[ch];
    }

    @Override
    public String toString() {
        return "Normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
