package dev.ember.tfcompat.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legacy package against the real libtensorflow 1.15 API jar (Maven Central
 * {@code org.tensorflow:libtensorflow:1.15.0}, read from the local Maven repository, never a
 * dependency): every public constructor, method and field of the mirrored classes exists here with the
 * same generic signature ({@code org.tensorflow} mapped to this package), and a legacy-style program
 * compiles unchanged against both (after the import swap). The jar's classes are only reflected on,
 * never initialized, so its JNI library is never loaded.
 */
class LegacyApiSignatureTest {
    private static final String THEIRS = "org.tensorflow.";
    private static final String OURS = "dev.ember.tfcompat.legacy.";
    private static final List<String> CLASSES = List.of("Tensor", "Tensors", "DataType", "Shape", "Graph",
            "Graph$WhileSubgraphBuilder", "Session", "Session$Runner", "Session$Run", "Operation", "GraphOperation",
            "Output", "Operand", "OperationBuilder", "GraphOperationBuilder", "ExecutionEnvironment", "SavedModelBundle",
            "SavedModelBundle$Loader", "TensorFlow", "TensorFlowException", "types.UInt8");

    static Path jar() {
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "tensorflow", "libtensorflow",
                "1.15.0", "libtensorflow-1.15.0.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "libtensorflow 1.15 API jar not in the local Maven repository "
                + "(mvn dependency:get -Dartifact=org.tensorflow:libtensorflow:1.15.0 -Dtransitive=false)");
        return jar;
    }

    @Test
    void everyPublicMemberOfLibtensorflow115ExistsWithTheSameSignature() throws Exception {
        try (URLClassLoader real = new URLClassLoader(new URL[] {jar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Set<String> missing = new TreeSet<>();
            int compared = 0;
            for (String c : CLASSES) {
                Class<?> theirs = Class.forName(THEIRS + c, false, real);
                Class<?> ours = Class.forName(OURS + c, false, getClass().getClassLoader());
                Set<String> have = members(ours, false);
                for (String m : members(theirs, true)) {
                    compared++;
                    if (!have.contains(m)) {
                        missing.add(c + ": " + m);
                    }
                }
                assertThat(ours.isInterface()).as(c + " interface").isEqualTo(theirs.isInterface());
                assertThat(ours.isEnum()).as(c + " enum").isEqualTo(theirs.isEnum());
            }
            assertThat(compared).as("public members compared").isGreaterThan(150);
            assertThat(members(Class.forName(THEIRS + "Tensor", false, real), true)).contains(
                    "static <1 type vars> " + OURS + "Tensor<T> create(java.lang.Object, java.lang.Class<T>)");
            assertThat(missing).as("members of libtensorflow 1.15 missing (or with another signature) in the legacy "
                    + "package").isEmpty();
        }
    }

    /** Public members as text, {@code org.tensorflow.} written as this package. */
    private static Set<String> members(Class<?> c, boolean theirs) {
        Set<String> out = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isBridge() && !m.isSynthetic()) {
                out.add(text(m, m.getGenericReturnType().getTypeName() + " " + m.getName(), theirs));
            }
        }
        if (Modifier.isPublic(c.getModifiers()) && !c.isInterface()) {
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    out.add(text(k, "<init>", theirs));
                }
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers())) {
                out.add(map((Modifier.isStatic(f.getModifiers()) ? "static " : "") + f.getGenericType().getTypeName() + " "
                        + f.getName(), theirs));
            }
        }
        return out;
    }

    private static String text(Executable e, String head, boolean theirs) {
        List<String> params = new ArrayList<>();
        for (Type t : e.getGenericParameterTypes()) {
            params.add(t.getTypeName());
        }
        String generics = e.getTypeParameters().length == 0 ? "" : "<" + e.getTypeParameters().length + " type vars> ";
        return map((Modifier.isStatic(e.getModifiers()) ? "static " : "") + generics + head + "(" + String.join(", ", params)
                + ")", theirs);
    }

    private static String map(String s, boolean theirs) {
        return theirs ? s.replace(THEIRS, OURS) : s;
    }

    private static final String PROGRAM = String.join("\n",
            "package demo;",
            "import java.util.List;",
            "import org.tensorflow.*;",
            "import org.tensorflow.types.UInt8;",
            "public class Legacy {",
            "  static float[][] run(byte[] graphDef, String dir) {",
            "    try (Graph g = new Graph()) {",
            "      g.importGraphDef(graphDef);",
            "      try (Tensor<Float> w = Tensors.create(new float[][] {{1f, 2f}})) {",
            "        g.opBuilder(\"Const\", \"w\").setAttr(\"dtype\", w.dataType()).setAttr(\"value\", w).build();",
            "      }",
            "      Output<Float> x = g.operation(\"x\").output(0);",
            "      Operation mm = g.opBuilder(\"MatMul\", \"y\").addInput(x).addInput(g.operation(\"w\").output(0)).build();",
            "      Shape s = mm.output(0).shape();",
            "      try (Session sess = new Session(g); Tensor<?> in = Tensor.create(new float[][] {{1f}})) {",
            "        List<Tensor<?>> out = sess.runner().feed(\"x\", in).fetch(\"y\").addTarget(\"y\").run();",
            "        Tensor<Float> y = out.get(0).expect(Float.class);",
            "        Tensor<UInt8> u = Tensor.create(new byte[] {1}, UInt8.class);",
            "        Session.Run r = sess.runner().fetch(\"y\", 0).runAndFetchMetadata();",
            "        Tensor<Integer> i = Tensor.create(new long[] {1}, java.nio.IntBuffer.wrap(new int[] {1}));",
            "        return y.copyTo(new float[1][2]);",
            "      }",
            "    } finally {",
            "      try (SavedModelBundle b = SavedModelBundle.load(dir, \"serve\")) {",
            "        b.session().runner().fetch(\"y\").run();",
            "        byte[] meta = b.metaGraphDef();",
            "        Graph graph = b.graph();",
            "      }",
            "      String v = TensorFlow.version();",
            "    }",
            "  }",
            "}");

    @Test
    void aLegacyProgramCompilesAgainstTheRealApiAndAgainstTheLegacyPackage(@TempDir Path dir) throws Exception {
        Path jar = jar();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path real = dir.resolve("real/demo/Legacy.java");
        Files.createDirectories(real.getParent());
        Files.writeString(real, PROGRAM);
        int r1 = javac.run(null, null, null, "-d", dir.resolve("out1").toString(), "-cp", jar.toString(), real.toString());
        assertThat(r1).as("compiles against libtensorflow 1.15").isZero();
        Path ours = dir.resolve("ours/demo/Legacy.java");
        Files.createDirectories(ours.getParent());
        Files.writeString(ours, PROGRAM.replace("import org.tensorflow.types.UInt8;",
                "import dev.ember.tfcompat.legacy.types.UInt8;").replace("import org.tensorflow.*;",
                "import dev.ember.tfcompat.legacy.*;"));
        int r2 = javac.run(null, null, null, "-d", dir.resolve("out2").toString(), "-cp",
                System.getProperty("java.class.path"), ours.toString());
        assertThat(r2).as("compiles against dev.ember.tfcompat.legacy after the import swap").isZero();
    }
}
