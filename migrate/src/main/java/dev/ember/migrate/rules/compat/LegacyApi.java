package dev.ember.migrate.rules.compat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import java.util.Optional;

/**
 * The TensorFlow 1.x Java API (libtensorflow 1.15: {@code Tensor<T>}, {@code Tensors}, {@code DataType},
 * {@code Graph.opBuilder}) shares the {@code org.tensorflow} package with TF-Java 1.x but not its types;
 * tfcompat mirrors it as {@code dev.ember.tfcompat.legacy}. A file is legacy when it imports an
 * {@code org.tensorflow} class that TF-Java 1.1 lacks and the legacy package has.
 */
public final class LegacyApi {
    /** The package mirroring libtensorflow 1.15's API. */
    public static final String LEGACY = TfCompatMapping.COMPAT + "legacy.";

    private LegacyApi() {
    }

    /** True when {@code cu} is written against the TF 1.x API. */
    public static boolean isLegacy(CompilationUnit cu) {
        for (ImportDeclaration i : cu.getImports()) {
            String n = i.getNameAsString();
            if (!i.isAsterisk() && !i.isStatic() && n.startsWith(TfCompatMapping.TF) && load(n).isEmpty()
                    && legacyClass(n).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The legacy name of {@code org.tensorflow.X}. */
    public static String legacyName(String qualifiedName) {
        return LEGACY + qualifiedName.substring(TfCompatMapping.TF.length());
    }

    /** tfcompat's legacy class for a TF 1.x class name, if it has one. */
    public static Optional<Class<?>> legacyClass(String qualifiedName) {
        return load(legacyName(qualifiedName));
    }

    private static Optional<Class<?>> load(String name) {
        String n = name;
        for (int i = 0; i < 3; i++) {
            try {
                return Optional.of(Class.forName(n, false, LegacyApi.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = n.lastIndexOf('.');
                if (dot < 0) {
                    break;
                }
                n = n.substring(0, dot) + "$" + n.substring(dot + 1);   // nested classes
            }
        }
        return Optional.empty();
    }
}
