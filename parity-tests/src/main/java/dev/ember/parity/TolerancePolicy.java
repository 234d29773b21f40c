package dev.ember.parity;

import dev.ember.engine.DType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which {@link Tolerance} each compared tensor gets. Defaults per dtype: float32 {@code atol 1e-5,
 * rtol 1e-5}; float64 {@code 1e-10, 1e-10}; int32, int64 and bool exact. Every override must carry a
 * written reason (a blank one throws) that is printed next to the tensor in results and reports.
 *
 * <p>Most specific wins: a tensor override (by name, e.g. {@code logits} or {@code dloss/dw}), then a
 * dtype override, then the case override (floating dtypes only), then the default. Immutable.
 */
public final class TolerancePolicy {
    private static final Tolerance FLOAT32 = new Tolerance(1e-5, 1e-5, "default for float32");
    private static final Tolerance FLOAT64 = new Tolerance(1e-10, 1e-10, "default for float64");

    private final Tolerance caseOverride;
    private final Map<DType, Tolerance> dtypeOverrides;
    private final Map<String, Tolerance> tensorOverrides;

    private TolerancePolicy(Tolerance caseOverride, Map<DType, Tolerance> dtypeOverrides,
            Map<String, Tolerance> tensorOverrides) {
        this.caseOverride = caseOverride;
        this.dtypeOverrides = dtypeOverrides;
        this.tensorOverrides = tensorOverrides;
    }

    /** The defaults, no override. */
    public static TolerancePolicy defaults() {
        return new TolerancePolicy(null, new EnumMap<>(DType.class), new LinkedHashMap<>());
    }

    /** The default of {@code dtype}, ignoring overrides. */
    public static Tolerance defaultFor(DType dtype) {
        switch (dtype) {
            case FLOAT32: return FLOAT32;
            case FLOAT64: return FLOAT64;
            default: return new Tolerance(0, 0, "default for " + dtype);
        }
    }

    /** Overrides the tolerance of every floating-point tensor of the case; {@code reason} is required. */
    public TolerancePolicy caseOverride(double atol, double rtol, String reason) {
        return new TolerancePolicy(override("the case", atol, rtol, reason), dtypeOverrides, tensorOverrides);
    }

    /** Overrides the tolerance of every {@code dtype} tensor; {@code reason} is required. */
    public TolerancePolicy dtypeOverride(DType dtype, double atol, double rtol, String reason) {
        Map<DType, Tolerance> m = new EnumMap<>(dtypeOverrides);
        m.put(dtype, override("dtype " + dtype, atol, rtol, reason));
        return new TolerancePolicy(caseOverride, m, tensorOverrides);
    }

    /** Overrides the tolerance of the tensor named {@code name}; {@code reason} is required. */
    public TolerancePolicy tensorOverride(String name, double atol, double rtol, String reason) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("TolerancePolicy.tensorOverride: the tensor name is blank");
        }
        Map<String, Tolerance> m = new LinkedHashMap<>(tensorOverrides);
        m.put(name, override("'" + name + "'", atol, rtol, reason));
        return new TolerancePolicy(caseOverride, dtypeOverrides, m);
    }

    private static Tolerance override(String what, double atol, double rtol, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("tolerance override for " + what + " (atol=" + atol + ", rtol=" + rtol
                    + ") needs a written reason: say why the default is not enough");
        }
        return new Tolerance(atol, rtol, reason.strip());
    }

    /** The tolerance for the tensor {@code name} of {@code dtype} (the TF side's dtype). */
    public Tolerance forTensor(String name, DType dtype) {
        Tolerance t = tensorOverrides.get(name);
        if (t != null) {
            return t;
        }
        t = dtypeOverrides.get(dtype);
        if (t != null) {
            return t;
        }
        if (caseOverride != null && dtype.isFloatingPoint()) {
            return caseOverride;
        }
        return defaultFor(dtype);
    }

    /** Tensor names with an override. */
    public java.util.Set<String> overriddenTensors() {
        return java.util.Collections.unmodifiableSet(tensorOverrides.keySet());
    }
}
