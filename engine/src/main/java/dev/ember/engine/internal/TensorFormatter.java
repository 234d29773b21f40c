package dev.ember.engine.internal;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
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
        double[] values = t.dtype() == DType.BOOL || t.dtype().isIntegral() ? null : t.detach().toDoubleArray();
        long[] ints = values == null ? t.detach().toLongArray() : null;
        Formatter f = new Formatter(t.dtype(), values, ints, t.numel() > THRESHOLD);
        StringBuilder sb = new StringBuilder(PREFIX);
        if (t.numel() == 0) {
            sb.append("[]");
        } else {
            render(sb, f, shape, 0, 0, PREFIX.length() + 1, t.numel() > THRESHOLD);
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

    private static void render(StringBuilder sb, Formatter f, long[] shape, int dim, long offset, int indent,
            boolean summarize) {
        if (shape.length == 0) {
            sb.append(f.one(0));
            return;
        }
        long n = shape[dim];
        long stride = 1;
        for (int i = dim + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        sb.append('[');
        if (dim == shape.length - 1) {
            int perLine = Math.max(1, (LINE_WIDTH - indent) / (f.width + 2));
            int onLine = 0;
            for (long i = 0; i < n; i++) {
                if (summarize && n > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                    sb.append("...");
                    i = n - EDGE_ITEMS - 1;
                    sb.append(", ");
                    continue;
                }
                if (onLine == perLine) {
                    sb.append('\n').append(" ".repeat(indent));
                    onLine = 0;
                }
                sb.append(f.pad(f.one(offset + i)));
                if (i < n - 1) {
                    sb.append(onLine + 1 == perLine ? "," : ", ");
                }
                onLine++;
            }
        } else {
            String sep = "," + "\n".repeat(shape.length - dim - 1);
            for (long i = 0; i < n; i++) {
                if (summarize && n > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                    sb.append("...").append(sep).append(" ".repeat(indent));
                    i = n - EDGE_ITEMS - 1;
                    continue;
                }
                if (i > 0) {
                    sb.append(" ".repeat(indent));
                }
                render(sb, f, shape, dim + 1, offset + i * stride, indent + 1, summarize);
                if (i < n - 1) {
                    sb.append(sep);
                }
            }
        }
        sb.append(']');
    }

    /** Chooses one number format for all printed elements, as PyTorch's _Formatter does. */
    private static final class Formatter {
        private final DType dtype;
        private final double[] values;
        private final long[] ints;
        private boolean intMode = true;
        private boolean sciMode;
        int width;

        Formatter(DType dtype, double[] values, long[] ints, boolean summarize) {
            this.dtype = dtype;
            this.values = values;
            this.ints = ints;
            if (values != null) {
                double maxAbs = 0;
                double minAbs = Double.MAX_VALUE;
                boolean anyFinite = false;
                for (double v : values) {
                    if (!Double.isFinite(v)) {
                        continue;
                    }
                    if (v != Math.ceil(v)) {
                        intMode = false;
                    }
                    double a = Math.abs(v);
                    if (a != 0) {
                        anyFinite = true;
                        maxAbs = Math.max(maxAbs, a);
                        minAbs = Math.min(minAbs, a);
                    }
                }
                if (anyFinite) {
                    sciMode = intMode ? maxAbs > 1e8 : (maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4);
                }
            }
            int w = 0;
            int n = values != null ? values.length : ints.length;
            for (int i = 0; i < n; i++) {
                w = Math.max(w, one(i).length());
            }
            width = w;
        }

        String one(long i) {
            if (values == null) {
                long v = ints[(int) i];
                return dtype == DType.BOOL ? (v != 0 ? "True" : "False") : Long.toString(v);
            }
            double v = values[(int) i];
            if (Double.isNaN(v)) {
                return "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (sciMode) {
                return String.format(Locale.ROOT, "%.4e", v).replaceAll("e([+-])(\\d)$", "e$10$2");
            }
            if (intMode) {
                return String.format(Locale.ROOT, "%.0f.", v);
            }
            return String.format(Locale.ROOT, "%.4f", v);
        }

        String pad(String s) {
            return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
        }
    }
}
