package dev.ember.bench;

import java.util.Locale;

/** One checkpoint of the W3 memory check: heap, ND4J's off-heap bytes, JavaCPP's bytes and RSS, in MB. */
public record MemoryTrace(long step, double heapMb, double nd4jMb, double javacppMb, double rssMb) {
    static final String PREFIX = "@@ember-bench-mem\t";

    /** The line the child prints. */
    public String toLine() {
        return PREFIX + String.format(Locale.ROOT, "%d\t%.1f\t%.1f\t%.1f\t%.1f", step, heapMb, nd4jMb, javacppMb, rssMb);
    }

    /** Parses the part of {@link #toLine()} after the prefix. */
    public static MemoryTrace parse(String fields) {
        String[] f = fields.split("\t");
        return new MemoryTrace(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4]));
    }

    /** Resident set size of this process from {@code /proc/self/status} (VmRSS), MB; NaN where unavailable. */
    public static double currentRssMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
