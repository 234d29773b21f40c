package dev.ember.tfcompat.legacy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Type-safe tensor factories; mirrors libtensorflow 1.15's {@code org.tensorflow.Tensors}. */
public final class Tensors {
    private Tensors() {
    }

    /** A scalar string tensor of {@code data}'s UTF-8 bytes. */
    public static Tensor<String> create(String data) {
        return Tensor.create(data.getBytes(StandardCharsets.UTF_8), String.class);
    }

    /** A scalar string tensor of {@code data} encoded with {@code charset}. */
    public static Tensor<String> create(String data, Charset charset) {
        return Tensor.create(data.getBytes(charset), String.class);
    }

    public static Tensor<Float> create(float data) {
        return Tensor.create(data, Float.class);
    }

    public static Tensor<Float> create(float[] data) {
        return Tensor.create(data, Float.class);
    }

    public static Tensor<Float> create(float[][] data) {
        return Tensor.create(data, Float.class);
    }

    public static Tensor<Float> create(float[][][] data) {
        return Tensor.create(data, Float.class);
    }

    public static Tensor<Float> create(float[][][][] data) {
        return Tensor.create(data, Float.class);
    }

    public static Tensor<Float> create(float[][][][][] data) {
        return Tensor.create(data, Float.class);
    }

    public static Tensor<Float> create(float[][][][][][] data) {
        return Tensor.create(data, Float.class);
    }

    public static Tensor<Double> create(double data) {
        return Tensor.create(data, Double.class);
    }

    public static Tensor<Double> create(double[] data) {
        return Tensor.create(data, Double.class);
    }

    public static Tensor<Double> create(double[][] data) {
        return Tensor.create(data, Double.class);
    }

    public static Tensor<Double> create(double[][][] data) {
        return Tensor.create(data, Double.class);
    }

    public static Tensor<Double> create(double[][][][] data) {
        return Tensor.create(data, Double.class);
    }

    public static Tensor<Double> create(double[][][][][] data) {
        return Tensor.create(data, Double.class);
    }

    public static Tensor<Double> create(double[][][][][][] data) {
        return Tensor.create(data, Double.class);
    }

    public static Tensor<Integer> create(int data) {
        return Tensor.create(data, Integer.class);
    }

    public static Tensor<Integer> create(int[] data) {
        return Tensor.create(data, Integer.class);
    }

    public static Tensor<Integer> create(int[][] data) {
        return Tensor.create(data, Integer.class);
    }

    public static Tensor<Integer> create(int[][][] data) {
        return Tensor.create(data, Integer.class);
    }

    public static Tensor<Integer> create(int[][][][] data) {
        return Tensor.create(data, Integer.class);
    }

    public static Tensor<Integer> create(int[][][][][] data) {
        return Tensor.create(data, Integer.class);
    }

    public static Tensor<Integer> create(int[][][][][][] data) {
        return Tensor.create(data, Integer.class);
    }

    public static Tensor<String> create(byte[] data) {
        return Tensor.create(data, String.class);
    }

    public static Tensor<String> create(byte[][] data) {
        return Tensor.create(data, String.class);
    }

    public static Tensor<String> create(byte[][][] data) {
        return Tensor.create(data, String.class);
    }

    public static Tensor<String> create(byte[][][][] data) {
        return Tensor.create(data, String.class);
    }

    public static Tensor<String> create(byte[][][][][] data) {
        return Tensor.create(data, String.class);
    }

    public static Tensor<String> create(byte[][][][][][] data) {
        return Tensor.create(data, String.class);
    }

    public static Tensor<Long> create(long data) {
        return Tensor.create(data, Long.class);
    }

    public static Tensor<Long> create(long[] data) {
        return Tensor.create(data, Long.class);
    }

    public static Tensor<Long> create(long[][] data) {
        return Tensor.create(data, Long.class);
    }

    public static Tensor<Long> create(long[][][] data) {
        return Tensor.create(data, Long.class);
    }

    public static Tensor<Long> create(long[][][][] data) {
        return Tensor.create(data, Long.class);
    }

    public static Tensor<Long> create(long[][][][][] data) {
        return Tensor.create(data, Long.class);
    }

    public static Tensor<Long> create(long[][][][][][] data) {
        return Tensor.create(data, Long.class);
    }

    public static Tensor<Boolean> create(boolean data) {
        return Tensor.create(data, Boolean.class);
    }

    public static Tensor<Boolean> create(boolean[] data) {
        return Tensor.create(data, Boolean.class);
    }

    public static Tensor<Boolean> create(boolean[][] data) {
        return Tensor.create(data, Boolean.class);
    }

    public static Tensor<Boolean> create(boolean[][][] data) {
        return Tensor.create(data, Boolean.class);
    }

    public static Tensor<Boolean> create(boolean[][][][] data) {
        return Tensor.create(data, Boolean.class);
    }

    public static Tensor<Boolean> create(boolean[][][][][] data) {
        return Tensor.create(data, Boolean.class);
    }

    public static Tensor<Boolean> create(boolean[][][][][][] data) {
        return Tensor.create(data, Boolean.class);
    }
}
