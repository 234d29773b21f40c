package dev.ember.migrate.rules.compat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Which TF-Java names have a tfcompat counterpart: {@code org.tensorflow.X} maps to
 * {@code dev.ember.tfcompat.X}; TF-Java's ndarray and proto packages are reused as they are.
 * Members are checked by reflection on tfcompat's classes (name and parameter count).
 */
public final class TfCompatMapping {
    public static final String TF = "org.tensorflow.";
    public static final String COMPAT = "dev.ember.tfcompat.";

    private TfCompatMapping() {
    }

    /** {@code true} for names under org.tensorflow that tfcompat replaces (not ndarray, not proto). */
    public static boolean isMapped(String qualifiedName) {
        return qualifiedName.startsWith(TF) && !qualifiedName.startsWith(TF + "ndarray")
                && !qualifiedName.startsWith(TF + "proto");
    }

    /** The tfcompat name of a mapped TF-Java name. */
    public static String compatName(String qualifiedName) {
        return COMPAT + qualifiedName.substring(TF.length());
    }

    /** The tfcompat class of a mapped TF-Java class, if tfcompat has it. */
    public static Optional<Class<?>> compatClass(String tfQualifiedName) {
        String n = compatName(tfQualifiedName);
        for (int i = 0; i < 3; i++) {
            try {
                return Optional.of(Class.forName(n, false, TfCompatMapping.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                int dot = n.lastIndexOf('.');
                if (dot < 0) {
                    break;
                }
                // nested classes: a.b.C.D -> a.b.C$D
                n = n.substring(0, dot) + "$" + n.substring(dot + 1);
            }
        }
        return Optional.empty();
    }

    /** {@code true} when {@code c} (or a supertype) has a public method {@code name} taking {@code arity} arguments. */
    public static boolean hasMethod(Class<?> c, String name, int arity) {
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && accepts(m.getParameterCount(), m.isVarArgs(), arity)) {
                return true;
            }
        }
        return false;
    }

    /** {@code true} when {@code c} has a public constructor taking {@code arity} arguments. */
    public static boolean hasConstructor(Class<?> c, int arity) {
        for (Constructor<?> k : c.getConstructors()) {
            if (accepts(k.getParameterCount(), k.isVarArgs(), arity)) {
                return true;
            }
        }
        return false;
    }

    /** {@code true} when {@code c} has a public field {@code name}. */
    public static boolean hasField(Class<?> c, String name) {
        for (Field f : c.getFields()) {
            if (f.getName().equals(name) && Modifier.isPublic(f.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    private static boolean accepts(int params, boolean varArgs, int args) {
        return varArgs ? args >= params - 1 : args == params;
    }
}
