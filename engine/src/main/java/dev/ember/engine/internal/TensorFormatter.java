package dev.ember.engine.internal;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Tensor.toString()} in the shape of PyTorch's printout:
 * {@code tensor([[1., 2.]], requires_grad=True)}, {@code tensor(7776., grad_fn=<PowBackward1>)}.
 * Follows {@code torch/_tensor_str.py}: integer-valued floats print as {@code 1.}, others with
 * 4 decimals, wide ranges in scientific notation; more than 1000 elements are summarised with
 * {@code ...}; rows wrap at 80 columns.
 */
public final class TensorFormatter {
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int LINE_WIDTH = 80;
    private static final String PREFIX = "tensor(";

    private TensorFormatter() {
    }

    public static String format(Tensor t) {
        long[] shape = t.shape();
        boolean summarize = t.numel() > THRESHOLD;
        boolean floating = t.dtype().isFloatingPoint();
        double[] values = floating ? t.detach().toDoubleArray() : null;
        long[] ints = floating ? null : t.detach().toLongArray();
        long[] shown = shownIndices(shape, summarize);
        Formatter f = new Formatter(t.dtype(), values, ints, shown);
        StringBuilder sb = new StringBuilder(PREFIX);
        if (t.numel() == 0) {
            sb.append("[]");
        } else if (shape.length == 0) {
            sb.append(f.pad(f.one(0)));
        } else {
            sb.append(render(f, shape, 0, 0, PREFIX.length(), summarize));
        }
        StringBuilder suffix = new StringBuilder();
        if (t.numel() == 0 && shape.length != 1) {
            suffix.append(", size=(");
            for (int i = 0; i < shape.length; i++) {
                suffix.append(i == 0 ? "" : ", ").append(shape[i]);
            }
            suffix.append(shape.length == 1 ? ",)" : ")");
        }
        if (t.dtype() != DType.FLOAT32 && t.dtype() != DType.INT64 && t.dtype() != DType.BOOL) {
            suffix.append(", dtype=").append(t.dtype().torchName());
        }
        if (t.gradFn() != null) {
            suffix.append(", grad_fn=<").append(t.gradFn().name()).append('>');
        } else if (t.requiresGrad()) {
            suffix.append(", requires_grad=True");
        }
        return sb.append(suffix).append(')').toString();
    }

    /** PyTorch's _tensor_str_with_formatter: nested lists, '...' rows when summarising. */
    private static String render(Formatter f, long[] shape, int dim, long offset, int indent, boolean summarize) {
        long n = shape[dim];
        if (dim == shape.length - 1) {
            return vector(f, n, offset, indent, summarize);
        }
        long stride = 1;
        for (int i = dim + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        List<String> slices = new ArrayList<>();
        boolean cut = summarize && n > 2 * EDGE_ITEMS;
        for (long i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                slices.add("...");
                i = n - EDGE_ITEMS - 1;
                continue;
            }
            slices.add(render(f, shape, dim + 1, offset + i * stride, indent + 1, summarize));
        }
        String sep = "," + "\n".repeat(shape.length - dim - 1) + " ".repeat(indent + 1);
        return "[" + String.join(sep, slices) + "]";
    }

    /** PyTorch's _vector_str: elements padded to one width, wrapped at 80 columns. */
    private static String vector(Formatter f, long n, long offset, int indent, boolean summarize) {
        int perLine = Math.max(1, (LINE_WIDTH - indent) / (f.width + 2));
        List<String> data = new ArrayList<>();
        boolean cut = summarize && n > 2 * EDGE_ITEMS;
        for (long i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                data.add(" ...");
                i = n - EDGE_ITEMS - 1;
                continue;
            }
            data.add(f.pad(f.one(offset + i)));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < data.size(); i += perLine) {
            lines.add(String.join(", ", data.subList(i, Math.min(data.size(), i + perLine))));
        }
        return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
    }

    /** Flat indices of the elements that will be printed (all, or the edges when summarising). */
    private static long[] shownIndices(long[] shape, boolean summarize) {
        long numel = Shapes.numel(shape);
        if (!summarize) {
            long[] all = new long[(int) numel];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        List<Long> out = new ArrayList<>();
        collect(shape, 0, 0, out);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static void collect(long[] shape, int dim, long offset, List<Long> out) {
        if (dim == shape.length) {
            out.add(offset);
            return;
        }
        long stride = 1;
        for (int i = dim + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        long n = shape[dim];
        for (long i = 0; i < n; i++) {
            if (n > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                i = n - EDGE_ITEMS - 1;
                continue;
            }
            collect(shape, dim + 1, offset + i * stride, out);
        }
    }

    /** Chooses one number format for all printed elements, as PyTorch's _Formatter does. */
    private static final class Formatter {
        private final DType dtype;
        private final double[] values;
        private final long[] ints;
        private boolean intMode = true;
        private boolean sciMode;
        int width = 1;

        Formatter(DType dtype, double[] values, long[] ints, long[] shown) {
            this.dtype = dtype;
            this.values = values;
            this.ints = ints;
            if (values == null) {
                for (long i : shown) {
                    width = Math.max(width, one(i).length());
                }
                return;
            }
            double maxAbs = 0;
            double minAbs = Double.MAX_VALUE;
            int count = 0;
            for (long i : shown) {
                double v = values[(int) i];
                if (!Double.isFinite(v) || v == 0) {
                    continue;
                }
                count++;
                if (v != Math.ceil(v)) {
                    intMode = false;
                }
                maxAbs = Math.max(maxAbs, Math.abs(v));
                minAbs = Math.min(minAbs, Math.abs(v));
            }
            if (count == 0) {
                return;
            }
            if (intMode) {
                sciMode = maxAbs / minAbs > 1000 || maxAbs > 1e8;
            } else {
                sciMode = maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4;
            }
            for (long i : shown) {
                double v = values[(int) i];
                if (Double.isFinite(v) && v != 0) {
                    width = Math.max(width, one(i).length());
                }
            }
        }

        String one(long i) {
            if (values == null) {
                long v = ints[(int) i];
                return dtype == DType.BOOL ? (v != 0 ? "True" : "False") : Long.toString(v);
            }
            double v = values[(int) i];
            if (sciMode) {
                return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4e", v) : nonFinite(v);
            }
            if (intMode) {
                return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f.", v) : nonFinite(v);
            }
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : nonFinite(v);
        }

        private static String nonFinite(double v) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }

        String pad(String s) {
            return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
        }
    }
}
