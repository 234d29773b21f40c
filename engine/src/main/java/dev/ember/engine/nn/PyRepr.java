package dev.ember.engine.nn;

import java.math.BigDecimal;

/** Python's spelling of values in module reprs ({@code extra_repr}). */
final class PyRepr {
    private PyRepr() {
    }

    /** {@code repr(float(v))}: {@code 0.01}, {@code 1.0}, {@code 1e-05}, {@code 1e+16}, {@code inf}, {@code nan}. */
    static String pyFloat(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String sign = v < 0 || (v == 0 && 1 / v < 0) ? "-" : "";
        if (v == 0) {
            return sign + "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                    + Math.abs(exponent);
        }
        return sign + d.toPlainString() + (d.scale() <= 0 ? ".0" : "");
    }

    /** {@code repr(str)} for plain strings: single-quoted. */
    static String pyString(String s) {
        return "'" + s + "'";
    }

    /** {@code repr(tuple)} of ints: {@code (3,)}, {@code (3, 3)}. */
    static String pyTuple(int[] v) {
        return pyTuple(java.util.Arrays.stream(v).asLongStream().toArray());
    }

    /** {@code repr(tuple)} of longs: {@code (10,)}, {@code (3, 4)}. */
    static String pyTuple(long[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return sb.append(v.length == 1 ? ",)" : ")").toString();
    }
}
