package dev.ember.migrate.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A JavaParser set up to resolve the types of TF-Java programs: the JDK, TF-Java 1.1.0's API jars
 * (core API, ndarray, protos, framework; read as class files, never loaded), and the program's own
 * source roots, so rules match resolved types, not names.
 */
public final class JavaParsing {
    private static final Class<?>[] TF_JARS = {
        org.tensorflow.op.Ops.class, org.tensorflow.ndarray.Shape.class, org.tensorflow.proto.GraphDef.class,
        org.tensorflow.framework.optimizers.Optimizer.class,
    };
    private static volatile CombinedTypeSolver base;

    private JavaParsing() {
    }

    /** A parser resolving against TF-Java and {@code sourceRoots}. */
    public static JavaParser parser(Set<Path> sourceRoots) {
        CombinedTypeSolver solver = new CombinedTypeSolver(new Delegating(base()));
        for (Path root : sourceRoots) {
            solver.add(new JavaParserTypeSolver(root));
        }
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setSymbolResolver(new JavaSymbolSolver(solver));
        return new JavaParser(config);
    }

    /** JDK + TF-Java's jars, built once (reading the jars takes a moment) and shared through {@link Delegating}. */
    private static CombinedTypeSolver base() {
        if (base == null) {
            synchronized (JavaParsing.class) {
                if (base == null) {
                    Set<Path> jars = new LinkedHashSet<>();
                    for (Class<?> c : TF_JARS) {
                        jars.add(jarOf(c));
                    }
                    CombinedTypeSolver b = new CombinedTypeSolver(new ReflectionTypeSolver(true));
                    try {
                        for (Path jar : jars) {
                            b.add(new JarTypeSolver(jar));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading TF-Java's jars for type resolution", e);
                    }
                    base = b;
                }
            }
        }
        return base;
    }

    /** A type solver forwarding to a shared one (a solver may have only one parent). */
    private static final class Delegating implements com.github.javaparser.resolution.TypeSolver {
        private final com.github.javaparser.resolution.TypeSolver target;
        private com.github.javaparser.resolution.TypeSolver parent;

        Delegating(com.github.javaparser.resolution.TypeSolver target) {
            this.target = target;
        }

        @Override
        public com.github.javaparser.resolution.TypeSolver getParent() {
            return parent;
        }

        @Override
        public void setParent(com.github.javaparser.resolution.TypeSolver parent) {
            this.parent = parent;
        }

        @Override
        public com.github.javaparser.resolution.model.SymbolReference<
                com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration> tryToSolveType(
                String name) {
            return target.tryToSolveType(name);
        }
    }

    private static Path jarOf(Class<?> c) {
        try {
            Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(c.getName() + " is not in a jar (" + p + ")");
            }
            return p;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The source roots of {@code files}: for {@code root/a/b/C.java} declaring {@code package a.b},
     * {@code root}. Files whose path does not match their package contribute their own directory.
     */
    public static Set<Path> sourceRoots(List<Path> files) {
        Set<Path> roots = new LinkedHashSet<>();
        for (Path f : files) {
            String pkg = packageOf(f);
            Path dir = f.toAbsolutePath().getParent();
            if (!pkg.isEmpty()) {
                String[] parts = pkg.split("\\.");
                Path d = dir;
                boolean matches = true;
                for (int i = parts.length - 1; i >= 0 && d != null; i--) {
                    if (!d.getFileName().toString().equals(parts[i])) {
                        matches = false;
                        break;
                    }
                    d = d.getParent();
                }
                roots.add(matches && d != null ? d : dir);
            } else {
                roots.add(dir);
            }
        }
        return roots;
    }

    private static String packageOf(Path f) {
        try {
            for (String line : Files.readAllLines(f, SourceText.charsetOf(f))) {
                String t = line.strip();
                if (t.startsWith("package ") && t.endsWith(";")) {
                    return t.substring(8, t.length() - 1).strip();
                }
                if (t.startsWith("import ") || t.startsWith("public ") || t.startsWith("class ")) {
                    break;
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
