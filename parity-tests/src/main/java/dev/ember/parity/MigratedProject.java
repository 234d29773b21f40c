package dev.ember.parity;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The output of {@code ember migrate --emit-parity-tests} taken through its proof without a build
 * tool: its sources (main and the generated test tree) compiled in-process with javac, and every
 * {@code @Test} method of the generated {@code *ParityTest} classes run, the original on the real TF
 * runtime against the migrated code on the engine. Used by {@code ember demo}.
 */
public final class MigratedProject {

    /** One generated test method's outcome: {@code failure} is null when it passed. */
    public record TestOutcome(String className, String method, Throwable failure, List<ParityResult> results) {
        public TestOutcome {
            results = List.copyOf(results);
        }

        /** {@code Class.method}. */
        public String name() {
            return className + "." + method;
        }

        public boolean passed() {
            return failure == null;
        }
    }

    /** javac reported errors; the message holds its output. */
    public static final class CompilationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompilationException(String message) {
            super(message);
        }
    }

    private MigratedProject() {
    }

    /**
     * Compiles every {@code .java} file under {@code sourceRoots} into {@code classes} against
     * {@code classpath} (annotation processing off); returns the number of files compiled.
     *
     * @throws CompilationException with javac's diagnostics when it fails
     * @throws IllegalStateException when this JVM has no compiler (a JRE, not a JDK)
     */
    public static int compile(List<Path> sourceRoots, Path classes, String classpath) {
        List<String> sources = new ArrayList<>();
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list sources under " + root, e);
            }
        }
        if (sources.isEmpty()) {
            throw new CompilationException("no .java files under " + sourceRoots);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler (javax.tools): run Ember with a JDK 17, "
                    + "not a JRE (java.home " + System.getProperty("java.home") + ")");
        }
        try {
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + classes, e);
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classpath, "-proc:none",
                "-nowarn", "-encoding", "UTF-8"));
        args.addAll(sources);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, err, err, args.toArray(new String[0]));
        if (rc != 0) {
            throw new CompilationException("javac failed (exit " + rc + ") compiling " + sources.size() + " files under "
                    + sourceRoots + ":\n" + err.toString(StandardCharsets.UTF_8).strip());
        }
        return sources.size();
    }

    /**
     * Runs every {@code @Test} method of the {@code *ParityTest} classes under {@code out/src/test/java}
     * (loaded through {@code loader}, one new instance per method, in class then method-name order),
     * each with the {@link ParityResult}s it produced; a failing method is reported, not thrown, and
     * the others still run. Empty when there is no generated test tree.
     */
    public static List<TestOutcome> runParityTests(ClassLoader loader, Path out) {
        Path root = out.resolve("src/test/java");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> tests;
        try (Stream<Path> s = Files.walk(root)) {
            tests = s.filter(f -> f.getFileName().toString().endsWith("ParityTest.java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        List<TestOutcome> outcomes = new ArrayList<>();
        for (Path t : tests) {
            String name = root.relativize(t).toString().replace(File.separatorChar, '.').replaceAll("\\.java$", "");
            Class<?> c;
            Constructor<?> ctor;
            try {
                c = Class.forName(name, true, loader);
                ctor = c.getDeclaredConstructor();
                ctor.setAccessible(true);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("cannot load generated test " + name + " (compiled?): " + e, e);
            }
            List<Method> methods = Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Test.class) && !Modifier.isStatic(m.getModifiers()))
                    .sorted(Comparator.comparing(Method::getName)).toList();
            for (Method m : methods) {
                m.setAccessible(true);
                Throwable failure = null;
                List<ParityResult> results;
                try (ParityRecorder rec = ParityRecorder.start()) {
                    try {
                        m.invoke(ctor.newInstance());
                    } catch (InvocationTargetException e) {
                        failure = e.getCause();
                    } catch (ReflectiveOperationException e) {
                        failure = e;
                    }
                    results = rec.results();
                }
                outcomes.add(new TestOutcome(c.getSimpleName(), m.getName(), failure, results));
            }
        }
        return outcomes;
    }
}
