package dev.ember.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the numbers were measured on: CPU, cores, Java, OS, load, and each backend's native build. */
public final class Machine {
    private Machine() {
    }

    /** The machine section's fixed part (natives and the FMA ceiling are added by the run). */
    public static LinkedHashMap<String, Object> describe() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", cpuField("model name"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("avx512", cpuFlags().contains(" avx512f"));
        m.put("cpuMHz", cpuField("cpu MHz"));
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("threads", 2);
        m.put("loadAverageAtStart", loadAverage());
        m.put("date", java.time.OffsetDateTime.now().withNano(0).toString());
        m.put("gpu", "not run (no GPU on this project's machines)");
        return m;
    }

    /** The 1-minute load average, or -1 where {@code /proc/loadavg} is unavailable. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String cpuField(String key) {
        for (String line : cpuinfo()) {
            if (line.startsWith(key)) {
                int c = line.indexOf(':');
                return c < 0 ? "" : line.substring(c + 1).trim();
            }
        }
        return "unknown";
    }

    private static String cpuFlags() {
        String f = cpuField("flags");
        return " " + f + " ";
    }

    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Each backend's line from its child, keyed by backend name. */
    public static Map<String, String> natives(Map<String, String> seen) {
        return new LinkedHashMap<>(seen);
    }
}
