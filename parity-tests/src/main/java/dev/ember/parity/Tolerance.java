package dev.ember.parity;

import java.util.Locale;

/**
 * The tolerance one tensor was compared under: element {@code e} (engine) passes against {@code t}
 * (TF, the reference) when {@code |e - t| <= atol + rtol * |t|}; NaN and infinities must sit at the
 * same places with the same signs whatever the tolerance. {@code atol = rtol = 0} means exact.
 *
 * @param atol   absolute tolerance, {@code >= 0}
 * @param rtol   relative tolerance (of the TF value), {@code >= 0}
 * @param reason why this tolerance: {@code "default for float32"} or the written reason of an override
 */
public record Tolerance(double atol, double rtol, String reason) {

    public Tolerance {
        if (!(atol >= 0) || !(rtol >= 0) || Double.isInfinite(atol) || Double.isInfinite(rtol)) {
            throw new IllegalArgumentException("Tolerance: atol and rtol must be finite and >= 0, got atol=" + atol
                    + ", rtol=" + rtol);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Tolerance: a tolerance needs a written reason, got "
                    + (reason == null ? "null" : "'" + reason + "'"));
        }
    }

    /** {@code true} when atol and rtol are both zero. */
    public boolean isExact() {
        return atol == 0 && rtol == 0;
    }

    /** Whether finite {@code engine} passes against finite {@code tf}. */
    boolean allows(double engine, double tf) {
        return Math.abs(engine - tf) <= atol + rtol * Math.abs(tf);
    }

    /** E.g. {@code atol=1e-05 rtol=1e-05 (default for float32)} or {@code exact (default for int64)}. */
    public String describe() {
        return (isExact() ? "exact" : String.format(Locale.ROOT, "atol=%.1e rtol=%.1e", atol, rtol))
                + " (" + reason + ")";
    }
}
