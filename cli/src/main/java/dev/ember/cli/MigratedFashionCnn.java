package dev.ember.cli;

import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Module;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Random;

/**
 * The classes {@code ember migrate} made of examples/tf-java-classic, used by {@code ember demo} as the
 * migrated program's own code: its {@code FashionData} loader, its {@code FashionCnnModel} module (built
 * with the program's seed 7), its {@code loss} and its {@code accuracy} evaluation. They are
 * package-private in the generated code, hence reflection.
 */
final class MigratedFashionCnn {
    static final String PACKAGE = "com.example.classic";

    private final Class<?> program;
    private final Class<?> data;
    private final Class<?> model;

    MigratedFashionCnn(ClassLoader loader) {
        try {
            program = Class.forName(PACKAGE + ".FashionCnn", true, loader);
            data = Class.forName(PACKAGE + ".FashionData", true, loader);
            model = Class.forName(PACKAGE + ".FashionCnn$FashionCnnModel", true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the migrated example lacks " + e.getMessage()
                    + " (did the eager migration convert FashionCnn to a Module?)", e);
        }
        if (!Module.class.isAssignableFrom(model)) {
            throw new IllegalStateException(model.getName() + " is not an engine Module");
        }
    }

    /** {@code FashionData.load(dir, train, limit)}: Fashion-MNIST from {@code dir}, else the synthetic set. */
    Object load(Path dir, boolean train, int limit) {
        return call(data, null, "load", new Class<?>[] {Path.class, boolean.class, int.class}, dir, train, limit);
    }

    int size(Object dataset) {
        return (Integer) call(data, dataset, "size", new Class<?>[0]);
    }

    boolean synthetic(Object dataset) {
        return (Boolean) field(data, "synthetic", dataset);
    }

    /** A new {@code FashionCnnModel(new Random(7))}: the initial weights of the original program. */
    Module newModel() {
        try {
            var ctor = model.getDeclaredConstructor(Random.class);
            ctor.setAccessible(true);
            return (Module) ctor.newInstance(new Random(7));
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + model.getName() + "(Random): " + e, e);
        }
    }

    /** The model's {@code loss(images, labels)} on examples {@code [from, to)}. */
    Tensor loss(Module m, Object dataset, int from, int to) {
        float[][][][] x = (float[][][][]) call(data, dataset, "imageBatch", new Class<?>[] {int.class, int.class}, from, to);
        long[] y = (long[]) call(data, dataset, "labelBatch", new Class<?>[] {int.class, int.class}, from, to);
        return (Tensor) call(model, m, "loss", new Class<?>[] {Tensor.class, Tensor.class}, Tensor.of(x), Tensor.of(y));
    }

    /** The migrated program's {@code accuracy(model, data)}. */
    double accuracy(Module m, Object dataset) {
        return (Double) call(program, null, "accuracy", new Class<?>[] {model, data}, m, dataset);
    }

    int batchSize() {
        return (Integer) field(program, "BATCH", null);
    }

    float learningRate() {
        return (Float) field(program, "LEARNING_RATE", null);
    }

    private static Object call(Class<?> c, Object target, String name, Class<?>[] types, Object... args) {
        try {
            Method m = c.getDeclaredMethod(name, types);
            m.setAccessible(true);
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the migrated " + c.getSimpleName() + " has no usable " + name + ": " + e, e);
        }
    }

    private static Object field(Class<?> c, String name, Object target) {
        try {
            Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the migrated " + c.getSimpleName() + " has no field " + name + ": " + e, e);
        }
    }

    private static RuntimeException rethrow(InvocationTargetException e) {
        Throwable t = e.getCause();
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(t.toString(), t);
    }
}
