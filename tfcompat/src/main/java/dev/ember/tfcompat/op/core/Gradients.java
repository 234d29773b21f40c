package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code d(sum of y)/d(x)} for each x; mirrors {@code org.tensorflow.op.core.Gradients}. Runs on the
 * engine's autograd at session-run time (a node of type {@code EmberGradients}) instead of adding TF's
 * symbolic gradient ops; an x the ys do not depend on gets zeros.
 */
public final class Gradients implements Op, Iterable<Operand<?>> {
    private final List<Output<?>> dy;

    private Gradients(List<Output<?>> dy) {
        this.dy = dy;
    }

    /** Options for {@link #create}. */
    public static class Options {
        private Iterable<? extends Operand<?>> dx;

        private Options() {
        }

        /** Initial gradients of the ys (default: ones). */
        public Options dx(Iterable<? extends Operand<?>> dx) {
            this.dx = dx;
            return this;
        }
    }

    public static Options dx(Iterable<? extends Operand<?>> dx) {
        return new Options().dx(dx);
    }

    public static Gradients create(Scope scope, Iterable<? extends Operand<?>> y, Iterable<? extends Operand<?>> x,
            Options... options) {
        if (!(scope.env() instanceof Graph)) {
            throw new IllegalArgumentException("Gradients are computed in a graph; in eager code use the engine's "
                    + "Tensor.backward()");
        }
        Output<?>[] dx = null;
        for (Options o : options) {
            if (o.dx != null) {
                dx = outputs(o.dx);
            }
        }
        Output<?>[] out = ((Graph) scope.env()).addGradients(scopeName(scope), outputs(y), outputs(x), dx);
        return new Gradients(List.of(out));
    }

    public static Gradients create(Scope scope, Operand<?> y, Iterable<? extends Operand<?>> x, Options... options) {
        return create(scope, List.of(y), x, options);
    }

    private static String scopeName(Scope scope) {
        String n = scope.makeOpName("gradients");
        return n;
    }

    private static Output<?>[] outputs(Iterable<? extends Operand<?>> ops) {
        List<Output<?>> out = new ArrayList<>();
        for (Operand<?> o : ops) {
            out.add(o.asOutput());
        }
        return out.toArray(new Output<?>[0]);
    }

    /** The gradients, one per x. */
    public List<Output<?>> dy() {
        return dy;
    }

    /** The gradient of x number {@code index}. */
    @SuppressWarnings("unchecked")
    public <T extends TType> Output<T> dy(int index) {
        return (Output<T>) dy.get(index);
    }

    @Override
    public dev.ember.tfcompat.Operation op() {
        return dy.isEmpty() ? null : dy.get(0).op();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<Operand<?>> iterator() {
        return (Iterator<Operand<?>>) (Iterator<?>) dy.iterator();
    }
}
