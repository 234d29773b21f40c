package dev.ember.engine.io;

/** IEEE 754 binary16 to float32 (Java 17 has no {@code Float.float16ToFloat}). */
final class Half {
    private Half() {
    }

    /** The exact float value of the half-precision bits {@code h}. */
    static float toFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            // Zero or subnormal: mant * 2^-24, exact in float.
            float v = mant * 0x1.0p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
