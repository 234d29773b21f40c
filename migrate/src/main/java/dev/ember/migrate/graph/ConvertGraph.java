package dev.ember.migrate.graph;

import dev.ember.engine.Tensor;
import dev.ember.engine.io.StateDicts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ember convert-graph}: a SavedModel directory or a GraphDef file to a generated engine
 * {@code Module} source, its safetensors weights, a JUnit parity test and a report, written
 * atomically into {@code --out}:
 * <pre>
 * out/src/main/java/&lt;package&gt;/&lt;Class&gt;.java
 * out/src/test/java/&lt;package&gt;/&lt;Class&gt;ParityTest.java
 * out/&lt;Class&gt;.safetensors
 * out/convert-report.md
 * </pre>
 * Everything is generated in memory first, then written to a temporary sibling directory that is
 * renamed into place: a failure leaves {@code --out} as it was. The same input and options give
 * byte-identical files.
 */
public final class ConvertGraph {
    private ConvertGraph() {
    }

    /** The command's arguments; {@code signature} and {@code outputs} may be null. */
    public record Options(Path input, Path out, String className, String packageName, String signature,
            List<String> outputs, boolean force) {
    }

    /** What was written. */
    public record Result(Path module, Path parityTest, Path weights, Path report, int fields, int tensors,
            List<String> notes) {
    }

    /** Converts and writes; a {@link ConvertException} names the argument or the graph nodes at fault. */
    public static Result run(Options o) {
        check(o);
        Path out = o.out().toAbsolutePath().normalize();
        Path input = o.input().toAbsolutePath().normalize();
        String pkg = o.packageName() == null ? "" : o.packageName();
        Path dir = pkg.isEmpty() ? Path.of("") : Path.of("", pkg.split("\\."));
        String weightsName = o.className() + ".safetensors";
        ConvertedModel model;
        String module;
        String test;
        try (GraphSource src = GraphSource.open(input, o.signature(), o.outputs())) {
            model = new GraphConverter(src).convert();
            String origin = (src.isSavedModel() ? "SavedModel " + input + " (signature " + src.signatureKey() + ")"
                    : "GraphDef " + input);
            module = ModuleSource.render(model, pkg, o.className(), origin, weightsName);
            test = ParityTestSource.render(model, src, pkg, o.className(), input, out.resolve(weightsName));
        }
        String report = Report.markdown(model, input, o.className());
        Path tmp = null;
        try {
            Files.createDirectories(out.getParent());
            tmp = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".tmp-");
            write(tmp.resolve("src/main/java").resolve(dir).resolve(o.className() + ".java"), module);
            write(tmp.resolve("src/test/java").resolve(dir).resolve(o.className() + "ParityTest.java"), test);
            write(tmp.resolve("convert-report.md"), report);
            StateDicts.saveWithMetadata(model.stateDict(), Map.of("format", "pt", "ember.convert-graph.source",
                    input.toString()), tmp.resolve(weightsName));
            replace(tmp, out);
            tmp = null;
        } catch (IOException e) {
            throw new ConvertException("--out " + o.out() + ": cannot write the output (" + e + "); nothing was written", e);
        } finally {
            deleteQuietly(tmp);
        }
        return new Result(out.resolve("src/main/java").resolve(dir).resolve(o.className() + ".java"),
                out.resolve("src/test/java").resolve(dir).resolve(o.className() + "ParityTest.java"),
                out.resolve(weightsName), out.resolve("convert-report.md"), model.fields().size(),
                model.stateDict().size(), model.notes());
    }

    private static void check(Options o) {
        if (o.className() == null || !isIdentifier(o.className())) {
            throw new ConvertException("--class '" + o.className() + "' is not a Java class name");
        }
        String pkg = o.packageName() == null ? "" : o.packageName();
        if (!pkg.isEmpty() && !Arrays.stream(pkg.split("\\.", -1)).allMatch(ConvertGraph::isIdentifier)) {
            throw new ConvertException("--package '" + pkg + "' is not a Java package name");
        }
        Path out = o.out().toAbsolutePath().normalize();
        Path input = o.input().toAbsolutePath().normalize();
        if (input.startsWith(out) || out.equals(input)) {
            throw new ConvertException("--out " + o.out() + " contains the input " + o.input()
                    + "; choose an output directory outside it");
        }
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new ConvertException("--out " + o.out() + " is a file, not a directory");
            }
            if (!isEmpty(out) && !o.force()) {
                throw new ConvertException("--out " + o.out() + " is not empty; use --force to replace its contents");
            }
        }
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(Character::isJavaIdentifierPart) && JavaNames.identifier(s) != null
                && !javax.lang.model.SourceVersion.isKeyword(s);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new ConvertException("--out " + dir + ": cannot list it (" + e + ")", e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Renames {@code tmp} to {@code out}; an existing {@code out} is moved aside first and deleted after. */
    private static void replace(Path tmp, Path out) throws IOException {
        Path old = null;
        if (Files.exists(out)) {
            old = out.resolveSibling("." + out.getFileName() + ".old-" + tmp.getFileName());
            move(out, old);
        }
        try {
            move(tmp, out);
        } catch (IOException e) {
            if (old != null) {
                move(old, out);
            }
            throw e;
        }
        deleteQuietly(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temporary directory is named .<out>.tmp-*
        }
    }

    /** The number of values in the state_dict (for the summary line). */
    static long values(Map<String, Tensor> stateDict) {
        return stateDict.values().stream().mapToLong(Tensor::numel).sum();
    }
}
