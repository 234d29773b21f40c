package dev.ember.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.tfcompat.checkpoint.TfCheckpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration demo's input, examples/tf-java-classic, compiles against TF-Java 1.1.0 and trains on
 * the real TF runtime: the program the migrated code is compared with.
 */
class TfJavaClassicTest {
    static final Path SOURCES = Path.of("..", "examples", "tf-java-classic", "src", "main", "java");

    @TempDir
    Path tmp;

    /** Compiles the example into {@code out}; returns a loader for it. */
    static ClassLoader compile(Path out) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> files;
        try (Stream<Path> s = Files.walk(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"));
        args.addAll(files);
        assertThat(javac.run(null, null, null, args.toArray(new String[0]))).as("javac exit code").isZero();
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, TfJavaClassicTest.class.getClassLoader());
    }

    @Test
    void trainsOnTheRealRuntimeAndSavesACheckpoint() throws Exception {
        ClassLoader loader = compile(tmp.resolve("classes"));
        Path prefix = tmp.resolve("ckpt/model.ckpt");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Class.forName("com.example.classic.FashionCnn", true, loader).getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {"1", "512", prefix.toString()});
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).containsPattern("epoch 0: mean training loss \\d+\\.\\d{4}")
                .containsPattern("test accuracy: 0\\.\\d{4}").contains("saved checkpoint");
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            assertThat(ckpt.names()).contains("conv1/kernel", "conv1/bias", "conv2/kernel", "dense/kernel", "dense/bias");
            assertThat(ckpt.entry("conv1/kernel").shape()).containsExactly(5, 5, 1, 8);
        }
    }
}
