package dev.ember.engine.backend.nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses which ND4J native build to load, before ND4J's classes initialise.
 *
 * <p>Both {@code linux-x86_64} and {@code linux-x86_64-onednn-avx512} ship with the engine. The
 * oneDNN build runs conv ~5x faster on this project's machines but needs AVX-512, so it is picked
 * only when {@code /proc/cpuinfo} shows {@code avx512f}. An explicit
 * {@code -Dorg.bytedeco.javacpp.platform.extension=...} (even empty) always wins, and
 * {@code EMBER_NATIVE=generic} forces the generic build.
 */
final class Nd4jPlatform {
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    static final String FAST_EXTENSION = "-onednn-avx512";
    private static final String FAST_MARKER =
            "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx512/libjnind4jcpu.so";

    private Nd4jPlatform() {
    }

    /** Sets the JavaCPP extension property if nobody did; returns the variant in use. */
    static String selectNativeBuild() {
        String given = System.getProperty(EXTENSION_PROPERTY);
        if (given != null) {
            return given.isEmpty() ? "generic (set by " + EXTENSION_PROPERTY + ")" : given.substring(1);
        }
        if ("generic".equalsIgnoreCase(System.getenv("EMBER_NATIVE"))) {
            return "generic (EMBER_NATIVE=generic)";
        }
        boolean haveJar = Nd4jPlatform.class.getClassLoader().getResource(FAST_MARKER) != null;
        if (haveJar && cpuHasAvx512()) {
            System.setProperty(EXTENSION_PROPERTY, FAST_EXTENSION);
            return FAST_EXTENSION.substring(1);
        }
        return haveJar ? "generic (CPU lacks AVX-512)" : "generic";
    }

    static boolean cpuHasAvx512() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return line.contains(" avx512f ") || line.endsWith(" avx512f");
                }
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
        return false;
    }
}
