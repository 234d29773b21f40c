package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails when an op under {@code dev.ember.engine.ops} has no row in {@link OpSpecTable}. */
class OpCoverageTest {

    @Test
    void everyOpHasARow() throws Exception {
        Set<String> covered = OpSpecTable.all().stream().map(r -> r.opClass.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> ops = opClasses();
        assertThat(ops).as("ops found by the scan").isNotEmpty();
        Set<String> missing = new TreeSet<>(ops);
        missing.removeAll(covered);
        assertThat(missing).as("ops without a row in OpSpecTable (add one to the family's *Specs file)").isEmpty();
    }

    @Test
    void everyRowHasAPyTorchExpression() {
        assertThat(OpSpecTable.all()).filteredOn(r -> r.torch == null).extracting(r -> r.name)
                .as("rows without .torch(...) (TorchOracleTest checks them against real PyTorch)").isEmpty();
    }

    @Test
    void rowNamesAreUnique() {
        java.util.List<String> names = OpSpecTable.all().stream().map(r -> r.name).toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    /** Public classes under ops/ that declare a public static apply(...): the op entry points. */
    static Set<String> opClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(dev.ember.engine.ops.Broadcasting.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).resolve("dev/ember/engine/ops");
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String rel = root.getParent().getParent().getParent().getParent().relativize(p).toString();
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                Class<?> c = Class.forName(name);
                if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isSynthetic()) {
                    continue;
                }
                for (Method m : c.getDeclaredMethods()) {
                    if (m.getName().equals("apply") && Modifier.isStatic(m.getModifiers())
                            && Modifier.isPublic(m.getModifiers())) {
                        out.add(c.getName());
                        break;
                    }
                }
            }
        }
        return out;
    }
}
