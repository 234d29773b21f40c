package dev.ember.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the child JVMs. Every backend runs in its own JVM per workload group: the JIT, thread
 * pools and native allocators of one backend never warm or disturb another, and a native crash
 * costs one row. libtorch needs a classpath of its own: its OpenBLAS (0.3.28-1.5.11) and ND4J's
 * (0.3.19-1.5.7) are the same Java classes in two versions, so one classpath holds only one of them.
 * The build copies libtorch's jars to {@code benchmarks/target/libtorch}.
 */
final class Forks {
    /** Where the libtorch child's jars are; defaults to {@code libtorch/} beside this module's classes or jar. */
    static final String LIBTORCH_DIR_PROPERTY = "ember.bench.libtorch";
    static final String TIMEOUT_PROPERTY = "ember.bench.timeoutMinutes";

    private Forks() {
    }

    /** What one child printed. */
    record Outcome(List<Result> results, Map<String, String> info, List<String> memory, String fma, String fmaMethod,
            String failure) {
        static Outcome failed(String why) {
            return new Outcome(List.of(), Map.of(), List.of(), null, null, why);
        }
    }

    /** Runs {@code group} on {@code peer} in a child JVM; failures become FAILED rows, never exceptions. */
    static Outcome run(Peer peer, String group, Settings s, PrintStream err) {
        List<String> cmd;
        try {
            cmd = javaCommand(peer, false);
        } catch (IOException e) {
            List<Result> rows = new ArrayList<>();
            for (Workload w : Workload.inGroup(group)) {
                rows.add(Result.notAvailable(w, peer, e.getMessage()));
            }
            return new Outcome(rows, Map.of(), List.of(), null, null, null);
        }
        cmd.addAll(List.of(ChildMain.class.getName(), peer.id(), group, Integer.toString(s.warmup()),
                Integer.toString(s.iters())));
        Outcome o = exec(cmd, err, group.equals("mem") ? 120 : 45);
        if (o.results().isEmpty() && o.failure() != null && !o.failure().startsWith("timed out")) {
            // Seen once with libtorch: the first load of its natives (while JavaCPP fills its cache) also
            // pulled in Debian's libtorch_cpu.so 1.13 and crashed in System.load. One retry, said on stderr.
            err.println("    (the child JVM died before any result: " + o.failure() + "; retrying once)");
            o = exec(cmd, err, group.equals("mem") ? 120 : 45);
        }
        List<Result> rows = new ArrayList<>(o.results());
        for (Workload w : Workload.inGroup(group)) {
            if (Support.whyNot(peer, w) == null && rows.stream().noneMatch(r -> r.workload().equals(w.id()))) {
                rows.add(Result.failed(w, peer, o.failure() == null ? "the child JVM printed no result" : o.failure()));
            }
        }
        rows.sort(java.util.Comparator.comparing(r -> Workload.of(r.workload()).ordinal()));
        return new Outcome(rows, o.info(), o.memory(), null, null, o.failure());
    }

    /** Measures the FMA ceiling in a child JVM; {@code null} value when it failed (the reason as method). */
    static Outcome fmaCeiling(PrintStream err) {
        try {
            List<String> cmd = javaCommand(Peer.EMBER, true);
            cmd.add(ChildMain.class.getName());
            cmd.add("--fma-ceiling");
            return exec(cmd, err, 10);
        } catch (IOException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private static Outcome exec(List<String> cmd, PrintStream err, int defaultTimeoutMinutes) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        environment(pb.environment());
        List<Result> results = new ArrayList<>();
        Map<String, String> info = new LinkedHashMap<>();
        List<String> memory = new ArrayList<>();
        String[] fma = new String[2];
        Deque<String> tail = new ArrayDeque<>();
        try {
            Process p = pb.start();
            Thread errPump = new Thread(() -> pump(p, err, tail), "bench-child-stderr");
            errPump.setDaemon(true);
            errPump.start();
            long minutes = Long.getLong(TIMEOUT_PROPERTY, defaultTimeoutMinutes);
            boolean[] timedOut = new boolean[1];
            Thread watchdog = new Thread(() -> {
                try {
                    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                        timedOut[0] = true;
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                }
            }, "bench-child-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Result res = Result.parseLine(line);
                    if (res != null) {
                        results.add(res);
                    } else if (line.startsWith(ChildMain.INFO_PREFIX)) {
                        String[] f = line.substring(ChildMain.INFO_PREFIX.length()).split("\t", 2);
                        info.put(f[0], f.length > 1 ? f[1] : "");
                    } else if (line.startsWith(MemoryTrace.PREFIX)) {
                        memory.add(line.substring(MemoryTrace.PREFIX.length()));
                    } else if (line.startsWith(FmaCeiling.PREFIX)) {
                        String[] f = line.substring(FmaCeiling.PREFIX.length()).split("\t", 2);
                        fma[0] = f[0];
                        fma[1] = f.length > 1 ? f[1] : "";
                    } else {
                        err.println("    | " + line);
                    }
                }
            }
            p.waitFor();
            watchdog.interrupt();
            if (timedOut[0]) {
                return new Outcome(results, info, memory, fma[0], fma[1], "timed out after " + minutes + " min");
            }
            errPump.join(2000);
            int code = p.exitValue();
            String why = code == 0 ? null : "child JVM exited with code " + code + lastLines(tail);
            return new Outcome(results, info, memory, fma[0], fma[1], why);
        } catch (IOException e) {
            return new Outcome(results, info, memory, null, null, "could not start the child JVM: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(results, info, memory, null, null, "interrupted");
        }
    }

    private static void pump(Process p, PrintStream err, Deque<String> tail) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                err.println(line.startsWith("    ") ? line : "    | " + line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 3) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            err.println("    | (stderr of the child lost: " + e.getMessage() + ")");
        }
    }

    private static String lastLines(Deque<String> tail) {
        synchronized (tail) {
            return tail.isEmpty() ? "" : "; last stderr: " + String.join(" / ", tail);
        }
    }

    /** The settings DESIGN.md's platform facts call for, and 2 threads for every native pool. */
    static void environment(Map<String, String> env) {
        env.put("OPENBLAS_THREAD_TIMEOUT", "4");
        env.put("OMP_NUM_THREADS", "2");
        env.put("MKL_NUM_THREADS", "2");
        env.put("OPENBLAS_NUM_THREADS", "2");
        env.putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    }

    static List<String> javaCommand(Peer peer, boolean vectorApi) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx6g");
        cmd.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=0");
        if (vectorApi) {
            cmd.add("--add-modules");
            cmd.add("jdk.incubator.vector");
        }
        String ext = System.getProperty("org.bytedeco.javacpp.platform.extension");
        if (ext != null && peer != Peer.LIBTORCH) {
            cmd.add("-Dorg.bytedeco.javacpp.platform.extension=" + ext);
        }
        String warmup = System.getProperty("ember.bench.warmupSeconds");   // Timer's untimed-time floor
        if (warmup != null) {
            cmd.add("-Dember.bench.warmupSeconds=" + warmup);
        }
        String ckptDir = System.getProperty("ember.bench.ckptDir");   // CK's checkpoint folder (EmberCheckpoint)
        if (ckptDir != null) {
            cmd.add("-Dember.bench.ckptDir=" + ckptDir);
        }
        cmd.add("-cp");
        cmd.add(peer == Peer.LIBTORCH ? libtorchClasspath() : System.getProperty("java.class.path"));
        return cmd;
    }

    /** This module's classes plus the jars in the libtorch folder. */
    static String libtorchClasspath() throws IOException {
        Path own = ownLocation();
        Path dir = Path.of(System.getProperty(LIBTORCH_DIR_PROPERTY, own.getParent().resolve("libtorch").toString()));
        List<String> jars;
        try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            jars = s.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
        }
        if (jars.stream().noneMatch(j -> j.contains("pytorch"))) {
            throw new IOException("libtorch jars not found in " + dir + "; 'mvn -pl benchmarks -am package' copies them "
                    + "there (or set -D" + LIBTORCH_DIR_PROPERTY + "=DIR)");
        }
        List<String> cp = new ArrayList<>();
        cp.add(own.toString());
        cp.addAll(jars);
        return String.join(File.pathSeparator, cp);
    }

    /** The folder or jar holding this module's classes. */
    static Path ownLocation() throws IOException {
        try {
            return Path.of(Forks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot locate the benchmarks classes: " + e);
        }
    }
}
