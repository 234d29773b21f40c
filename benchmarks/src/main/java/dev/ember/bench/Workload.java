package dev.ember.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The workloads, one entry per table row. {@link #group()} is what {@code --only} selects
 * (W1 ... W7, {@code CK}, {@code MIG}, {@code mem}); a group may have several rows (W2 at two sizes, W7 at 0 and 2
 * workers, CK's raw read and import). Per-iteration times become the row's {@link #unit()}: times in us
 * or ms, rates as {@link #workPerIteration()} divided by the time (CK's suite reports seconds per MB, so
 * its work per "iteration" is 1 MB; MIG's reports seconds per line).
 */
public enum Workload {
    W1("W1", "W1", "us", 0, "a.add(b), 8x8 float32, no grad: time per op (1000 ops per iteration)"),
    W1_GRAD("W1-grad", "W1", "us", 0, "a.add(b), 8x8 float32, inputs require grad (graph recorded): time per op"),
    W2_1024("W2-1024", "W2", "GFLOP/s", 2.0 * 1024 * 1024 * 1024, "GEMM 1024x1024 @ 1024x1024 float32"),
    W2_4096("W2-4096", "W2", "GFLOP/s", 2.0 * 4096 * 4096 * 4096, "GEMM 4096x4096 @ 4096x4096 float32"),
    W3("W3", "W3", "ms", 0, "MLP 784-128-10 train step, batch 64, cross-entropy, SGD lr 0.1"),
    W3_MEM("W3-mem", "mem", "ms", 0, "10,000 W3 steps on the engine: heap, off-heap and RSS printed every 1,000"),
    W4("W4", "W4", "ms", 0, "CNN train step, batch 128x3x32x32: Conv(3->5,k3,p1)-ReLU-MaxPool(3,2,1)-Flatten-"
            + "Linear(1280->128)-ReLU-Linear(128->10), cross-entropy, Adam lr 1e-3"),
    W5("W5", "W5", "GFLOP/s", 2.0 * 32 * 64 * 56 * 56 * 64 * 9, "conv2d forward 3x3 64->64, batch 32, 56x56, pad 1, no bias"),
    W6("W6", "W6", "ms", 0, "ResNet-18-style stack, batch 32x3x64x64: stem conv-BN-ReLU, 2 basic blocks at 64, "
            + "1 strided block to 128, avg pool, Linear(128->10), cross-entropy; forward + backward"),
    W7_0("W7-0w", "W7", "images/s", 0, "DataLoader over Fashion-MNIST train, RandomCrop(28,p2)+flip+ToTensor+Normalize, "
            + "batch 64, shuffled, 0 workers"),
    W7_2("W7-2w", "W7", "images/s", 0, "the same with 2 worker threads"),
    CK_READ("CK-read", "CK", "MB/s", 1, "raw sequential read of a ~1.1 GB TF checkpoint's index + data files "
            + "(FileChannel, 8 MB buffer, page cache warm)"),
    CK_IMPORT("CK-import", "CK", "MB/s", 1, "the same checkpoint imported into a state_dict: CheckpointImporter "
            + "with the tf1 name rules (every CRC32C checked, Dense kernels transposed, Conv kernels to OIHW)"),
    CK_READ_COLD("CK-read-cold", "CK", "MB/s", 1, "CK-read after dropping the files' pages from the page cache "
            + "(posix_fadvise DONTNEED through dd iflag=nocache)"),
    CK_IMPORT_COLD("CK-import-cold", "CK", "MB/s", 1, "CK-import after dropping the files' pages from the page cache"),
    MIG_PARSE("MIG-parse", "MIG", "lines/s", 1, "JavaParser parse + symbol resolution (the Migrator's parser and solver "
            + "setup) of ~100k lines of TF-Java programs: every method call, object creation and field access resolved"),
    MIG_MIGRATE("MIG-migrate", "MIG", "lines/s", 1, "the same files migrated by the Migrator at the eager level (rules, "
            + "re-parses, output tree and report written)");

    /** Images per W7 iteration: one pass over this many samples. */
    public static final int W7_IMAGES = 6400;
    /** Ops per W1 iteration. */
    public static final int W1_OPS = 1000;

    private final String id;
    private final String group;
    private final String unit;
    private final double work;
    private final String description;

    Workload(String id, String group, String unit, double work, String description) {
        this.id = id;
        this.group = group;
        this.unit = unit;
        this.work = work;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String group() {
        return group;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** {@code true} when the unit is a rate (higher is better). */
    public boolean isRate() {
        return unit.endsWith("/s");
    }

    /** FLOPs or images per iteration, for rate units. */
    public double workPerIteration() {
        if (this == W7_0 || this == W7_2) {
            return W7_IMAGES;
        }
        return work;
    }

    /** Seconds for one iteration in this row's unit: us, ms, or the rate. */
    public double convert(double seconds) {
        switch (unit) {
            case "us": return seconds * 1e6;
            case "ms": return seconds * 1e3;
            case "GFLOP/s": return workPerIteration() / seconds / 1e9;
            case "images/s":
            case "MB/s":
            case "lines/s": return workPerIteration() / seconds;
            default: throw new IllegalStateException("unit " + unit);
        }
    }

    /** The row with id {@code id}. */
    public static Workload of(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "'");
    }

    /** The groups in order: W1 ... W7, CK, MIG, mem. */
    public static List<String> groups() {
        Set<String> g = new LinkedHashSet<>();
        for (Workload w : values()) {
            g.add(w.group);
        }
        List<String> ordered = new ArrayList<>(g);
        ordered.remove("mem");
        ordered.add("mem");
        return ordered;
    }

    /** The rows of {@code group}. */
    public static List<Workload> inGroup(String group) {
        return Arrays.stream(values()).filter(w -> w.group.equals(group)).toList();
    }

    /**
     * The groups {@code --only} names ({@code W1,W3}, case-insensitive; {@code W3mem} and {@code mem} both
     * mean the memory check); {@code null} or empty selects every group except {@code MIG} and {@code mem},
     * which take many minutes each.
     */
    public static List<String> select(String only) {
        if (only == null || only.isBlank()) {
            return groups().stream().filter(g -> !g.equals("mem") && !g.equals("MIG")).toList();
        }
        List<String> out = new ArrayList<>();
        for (String raw : only.split(",")) {
            String s = raw.trim();
            String g = s.equalsIgnoreCase("W3mem") || s.equalsIgnoreCase("W3-mem") || s.equalsIgnoreCase("mem")
                    ? "mem" : s.toUpperCase(java.util.Locale.ROOT);
            if (!groups().contains(g)) {
                throw new IllegalArgumentException("--only: unknown workload '" + s + "'; known: "
                        + String.join(", ", groups()) + " (CK = checkpoint import vs raw read, MIG = migrating 100k lines "
                        + "vs parsing them, mem = the 10,000-step W3 memory check)");
            }
            if (!out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }
}
