package dev.ember.parity.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * tfcompat's {@code tf.nn} group and op classes against TF-Java 1.1.0's, by reflection: every
 * {@code NnOps} method and every public static method of an op class ({@code create}, option
 * factories) has the same generic signature once {@code dev.ember.tfcompat} reads
 * {@code org.tensorflow}; op classes build the same TF op type ({@code OP_NAME}) and have the same
 * output accessors. So migrating {@code tf.nn} calls is an import swap.
 */
class NnApiMirrorTest {
    private static String tf(String signature) {
        return signature.replace("dev.ember.tfcompat.", "org.tensorflow.");
    }

    private static Set<String> publicMethods(Class<?> c, boolean statics) {
        return Arrays.stream(c.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) == statics)
                .map(Method::toGenericString)
                .map(s -> s.replace("public static ", "").replace("public ", "").replace("final ", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void nnOpsMethodsHaveTfJavaSignatures() {
        Set<String> ours = publicMethods(dev.ember.tfcompat.op.NnOps.class, false);
        Set<String> theirs = publicMethods(org.tensorflow.op.NnOps.class, false);
        assertThat(ours).hasSizeGreaterThan(25);
        for (String m : ours) {
            assertThat(theirs).as("TF-Java's NnOps has %s", m).contains(tf(m));
        }
    }

    @Test
    void opClassesBuildTheSameOpTypesWithTheSameFactoriesAndOutputs() throws Exception {
        int checked = 0;
        for (Method m : dev.ember.tfcompat.op.NnOps.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            Class<?> ours = m.getReturnType();
            Class<?> theirs = Class.forName(tf(ours.getName()));
            Field opName = ours.getField("OP_NAME");
            assertThat(opName.get(null)).as("OP_NAME of %s", ours.getSimpleName())
                    .isEqualTo(theirs.getField("OP_NAME").get(null));
            for (String s : publicMethods(ours, true)) {
                assertThat(publicMethods(theirs, true)).as("TF-Java's %s has %s", theirs.getSimpleName(), s)
                        .contains(tf(s));
            }
            for (Method out : ours.getDeclaredMethods()) {
                if (Modifier.isPublic(out.getModifiers()) && !Modifier.isStatic(out.getModifiers())) {
                    assertThat(theirs.getMethod(out.getName())).as("output accessor %s.%s", theirs.getSimpleName(),
                            out.getName()).isNotNull();
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(25);
    }
}
