package dev.ember.engine.data;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merging a list of samples into a batch; {@link #defaultCollate} mirrors
 * {@code torch.utils.data.default_collate}.
 */
public final class Collate {
    private Collate() {
    }

    /**
     * PyTorch's default collate, recursively:
     * <ul>
     *   <li>tensors of one shape and dtype are stacked into a tensor with a new batch dimension 0;</li>
     *   <li>{@code Tensor[]} samples are collated field by field into a {@code Tensor[]};</li>
     *   <li>{@code Map}s key by key (a {@code LinkedHashMap}), {@code List}s element by element;</li>
     *   <li>integers become an int64 tensor, floating-point numbers float64, booleans bool;</li>
     *   <li>strings stay a {@code List<String>}.</li>
     * </ul>
     * Ragged samples (different shapes or lengths) are an error: pass your own collate function.
     */
    public static Object defaultCollate(List<?> samples) {
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("defaultCollate: needs at least one sample");
        }
        Object first = samples.get(0);
        if (first == null) {
            throw new IllegalArgumentException("defaultCollate: sample 0 is null");
        }
        for (int i = 1; i < samples.size(); i++) {
            Object s = samples.get(i);
            if (s == null || !sameKind(first, s)) {
                throw new IllegalArgumentException("defaultCollate: sample " + i + " is " + typeName(s)
                        + " but sample 0 is " + typeName(first) + "; a batch needs samples of one type");
            }
        }
        if (first instanceof Tensor) {
            return stack(cast(samples));
        }
        if (first instanceof Tensor[]) {
            return collateFields(samples);
        }
        if (first instanceof Map) {
            return collateMaps(samples);
        }
        if (first instanceof List) {
            return collateLists(samples);
        }
        if (first instanceof Boolean) {
            boolean[] v = new boolean[samples.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (Boolean) samples.get(i);
            }
            return Tensor.fromArray(v, v.length);
        }
        if (first instanceof Double || first instanceof Float) {
            return Tensor.fromArray(samples.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray(), samples.size());
        }
        if (first instanceof Long || first instanceof Integer || first instanceof Short || first instanceof Byte) {
            return Tensor.fromArray(samples.stream().mapToLong(o -> ((Number) o).longValue()).toArray(), samples.size());
        }
        if (first instanceof String) {
            return new ArrayList<>(samples);
        }
        throw new IllegalArgumentException("defaultCollate: samples of type " + typeName(first)
                + " cannot be batched; supported: Tensor, Tensor[], Map, List, numbers, booleans, strings "
                + "(pass a collate function for other types)");
    }

    /**
     * Stacks tensors of one shape and dtype along a new dimension 0; mirrors {@code torch.stack(batch)}
     * as {@code default_collate} uses it. The batch is assembled in Java memory, one native allocation.
     */
    public static Tensor stack(List<Tensor> tensors) {
        if (tensors == null || tensors.isEmpty()) {
            throw new IllegalArgumentException("Collate.stack: needs at least one tensor");
        }
        Tensor t0 = tensors.get(0);
        long[] shape = t0.shape();
        DType dtype = t0.dtype();
        int rowBytes = Math.toIntExact(t0.numel() * dtype.byteSize());
        byte[] out = new byte[Math.multiplyExact(rowBytes, tensors.size())];
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (t == null || !Arrays.equals(t.shape(), shape) || t.dtype() != dtype) {
                throw new IllegalArgumentException("defaultCollate: stack expects each tensor to be equal size and dtype, "
                        + "but sample 0 is " + dtype + Arrays.toString(shape) + " and sample " + i + " is "
                        + (t == null ? "null" : t.dtype() + Arrays.toString(t.shape())));
            }
            ByteBuffer b = t.toBytes();
            b.get(out, i * rowBytes, rowBytes);
        }
        return Tensor.fromBytes(ByteBuffer.wrap(out), dtype, Rows.batchShape(tensors.size(), shape));
    }

    private static Tensor[] collateFields(List<?> samples) {
        int n = ((Tensor[]) samples.get(0)).length;
        Tensor[] out = new Tensor[n];
        for (int f = 0; f < n; f++) {
            List<Tensor> field = new ArrayList<>(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                Tensor[] s = (Tensor[]) samples.get(i);
                if (s.length != n) {
                    throw new IllegalArgumentException("defaultCollate: each Tensor[] sample should have the same length, "
                            + "but sample 0 has " + n + " fields and sample " + i + " has " + s.length);
                }
                field.add(s[f]);
            }
            try {
                out[f] = stack(field);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field " + f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Map<Object, Object> collateMaps(List<?> samples) {
        Map<?, ?> m0 = (Map<?, ?>) samples.get(0);
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object key : m0.keySet()) {
            List<Object> values = new ArrayList<>(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                Map<?, ?> m = (Map<?, ?>) samples.get(i);
                if (!m.containsKey(key) || m.size() != m0.size()) {
                    throw new IllegalArgumentException("defaultCollate: sample " + i + " has keys " + m.keySet()
                            + " but sample 0 has " + m0.keySet());
                }
                values.add(m.get(key));
            }
            out.put(key, defaultCollate(values));
        }
        return out;
    }

    private static List<Object> collateLists(List<?> samples) {
        int n = ((List<?>) samples.get(0)).size();
        List<Object> out = new ArrayList<>(n);
        for (int f = 0; f < n; f++) {
            List<Object> field = new ArrayList<>(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                List<?> s = (List<?>) samples.get(i);
                if (s.size() != n) {
                    throw new IllegalArgumentException("defaultCollate: each element in list of batch should be of equal "
                            + "size, but sample 0 has " + n + " and sample " + i + " has " + s.size());
                }
                field.add(s.get(f));
            }
            out.add(defaultCollate(field));
        }
        return out;
    }

    private static boolean sameKind(Object a, Object b) {
        if (a instanceof Map || a instanceof List) {
            return a instanceof Map ? b instanceof Map : b instanceof List;
        }
        if (a instanceof Long || a instanceof Integer || a instanceof Short || a instanceof Byte) {
            return b instanceof Long || b instanceof Integer || b instanceof Short || b instanceof Byte;
        }
        if (a instanceof Double || a instanceof Float) {
            return b instanceof Double || b instanceof Float;
        }
        return a.getClass() == b.getClass();
    }

    private static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    @SuppressWarnings("unchecked")
    private static List<Tensor> cast(List<?> l) {
        return (List<Tensor>) l;
    }
}
