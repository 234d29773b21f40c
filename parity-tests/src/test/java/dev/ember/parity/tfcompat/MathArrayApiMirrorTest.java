package dev.ember.parity.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * tfcompat's math, array, reduction, linalg and dtypes methods against TF-Java 1.1.0's, by
 * reflection: same names, generic signatures and return types (packages mapped), and op classes
 * with the same {@code OP_NAME}, {@code create} overloads, option factories and output accessors,
 * so that an import swap compiles and builds the same op types.
 */
class MathArrayApiMirrorTest {
    private static final Set<String> OPS = Set.of("all", "any", "broadcastDynamicShape", "broadcastGradientArgs",
            "broadcastTo", "clipByValue", "concat", "concatOffset", "dynamicStitch", "expandDims", "fill", "gather", "max",
            "min", "oneHot", "ones", "onesLike", "pad", "prod", "range", "rank", "reduceAll", "reduceAny", "reduceMax",
            "reduceMin", "reduceProd", "reduceSum", "reshape", "reverse", "select", "setDiff1d", "shape", "shapeN", "size",
            "slice", "split", "splitV", "squeeze", "stack", "stridedSlice", "stridedSliceGrad", "sum", "tile", "unstack",
            "where", "zeros", "zerosLike");
    private static final Set<String> MATH = Set.of("abs", "add", "addN", "argMax", "argMin", "ceil", "cos", "cumprod", "cumsum",
            "div", "divNoNan", "equal", "erf", "exp", "expm1", "floor", "floorDiv", "floorMod", "greater", "greaterEqual",
            "invertPermutation", "isFinite", "isInf", "isNan", "less", "lessEqual", "log", "log1p", "logicalAnd",
            "logicalNot", "logicalOr", "maximum", "mean", "minimum", "mod", "mul", "neg", "notEqual", "pow", "realDiv",
            "reciprocal", "reciprocalGrad", "rint", "round", "rsqrt", "rsqrtGrad", "sigmoid", "sigmoidGrad", "sign", "sin",
            "softplus", "softplusGrad", "sqrt", "sqrtGrad", "square", "squaredDifference", "sub", "tanh", "tanhGrad",
            "truncateDiv", "truncateMod", "unsortedSegmentSum");

    @Test
    void opsGroupsHaveTfJavasSignatures() throws Exception {
        List<String> problems = new ArrayList<>();
        compare(org.tensorflow.op.Ops.class, dev.ember.tfcompat.op.Ops.class, OPS, problems);
        compare(org.tensorflow.op.MathOps.class, dev.ember.tfcompat.op.MathOps.class, MATH, problems);
        compare(org.tensorflow.op.LinalgOps.class, dev.ember.tfcompat.op.LinalgOps.class, Set.of("matMul", "transpose"),
                problems);
        compare(org.tensorflow.op.DtypesOps.class, dev.ember.tfcompat.op.DtypesOps.class, Set.of("cast", "toBool"), problems);
        assertThat(problems).as("tfcompat methods that differ from TF-Java's").isEmpty();
    }

    @Test
    void batchMatMulOpClassMirrorsTfJava() throws Exception {
        List<String> problems = new ArrayList<>();
        compareOpClass(org.tensorflow.op.train.BatchMatMul.class, problems);
        assertThat(problems).isEmpty();
    }

    private static void compare(Class<?> tf, Class<?> ours, Set<String> names, List<String> problems) throws Exception {
        Set<String> theirs = signatures(tf, names);
        Set<String> mine = signatures(ours, names);
        for (String s : theirs) {
            if (!mine.contains(s)) {
                problems.add("missing or different in " + ours.getSimpleName() + ": " + s);
            }
        }
        for (Method m : tf.getMethods()) {
            if (names.contains(m.getName()) && m.getReturnType().getName().startsWith("org.tensorflow.op.")
                    && !m.getReturnType().getSimpleName().endsWith("Ops")) {
                compareOpClass(m.getReturnType(), problems);
            }
        }
        Set<String> covered = Arrays.stream(tf.getMethods()).map(Method::getName).filter(names::contains)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!covered.equals(new TreeSet<>(names))) {
            problems.add(tf.getSimpleName() + " lacks " + names.stream().filter(n -> !covered.contains(n)).toList());
        }
    }

    /** Public method signatures named in {@code names}, packages mapped to tfcompat's. */
    private static Set<String> signatures(Class<?> c, Set<String> names) {
        Set<String> out = new TreeSet<>();
        for (Method m : c.getMethods()) {
            if (names.contains(m.getName()) && m.getDeclaringClass() == c) {
                out.add(normalise(m.toGenericString().replace(c.getName() + ".", "")));
            }
        }
        return out;
    }

    private static void compareOpClass(Class<?> tfClass, List<String> problems) throws Exception {
        String ourName = normalise(tfClass.getName());
        Class<?> ours;
        try {
            ours = Class.forName(ourName);
        } catch (ClassNotFoundException e) {
            problems.add("no op class " + ourName);
            return;
        }
        Object theirOp = opName(tfClass);
        if (theirOp != null && !theirOp.equals(opName(ours))) {
            problems.add(ours.getSimpleName() + ".OP_NAME is " + opName(ours) + ", TF-Java's is " + theirOp);
        }
        Set<String> tfMethods = new TreeSet<>();
        for (Method m : tfClass.getDeclaredMethods()) {
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            boolean accessor = !isStatic && m.getParameterCount() == 0 && m.getReturnType().getName().contains("Output")
                    || m.getReturnType() == List.class;
            if (Modifier.isPublic(m.getModifiers()) && (isStatic || accessor) && !m.getName().equals("asOutput")) {
                tfMethods.add(normalise(m.toGenericString().replace(tfClass.getName() + ".", "")));
            }
        }
        Set<String> ourMethods = new TreeSet<>();
        for (Method m : ours.getDeclaredMethods()) {
            ourMethods.add(normalise(m.toGenericString().replace(ours.getName() + ".", "")));
        }
        for (String s : tfMethods) {
            if (!ourMethods.contains(s) && !s.contains("Inputs")) {
                problems.add(ours.getSimpleName() + " lacks " + s);
            }
        }
    }

    private static Object opName(Class<?> c) throws IllegalAccessException {
        try {
            Field f = c.getField("OP_NAME");
            return f.get(null);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** {@code org.tensorflow.X} to {@code dev.ember.tfcompat.X}, except the reused ndarray and proto packages. */
    private static String normalise(String s) {
        return s.replace("org.tensorflow.ndarray.", "@NDARRAY@").replace("org.tensorflow.proto.", "@PROTO@")
                .replace("org.tensorflow.", "dev.ember.tfcompat.").replace("@NDARRAY@", "org.tensorflow.ndarray.")
                .replace("@PROTO@", "org.tensorflow.proto.");
    }
}
