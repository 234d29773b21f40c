package dev.ember.tfcompat.framework.optimizers;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.op.OpScope;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.op.core.NoOp;
import dev.ember.tfcompat.op.core.Variable;
import dev.ember.tfcompat.types.family.TType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.ndarray.Shape;

/**
 * Base of the graph optimizers; mirrors {@code org.tensorflow.framework.optimizers.Optimizer} (TF-Java
 * framework 1.0.0): {@code minimize(loss)} = {@link #computeGradients} (with respect to every
 * {@code VariableV2} of the graph, through tfcompat's {@code Graph.addGradients}) + {@link #applyGradients}
 * (slots, one {@code Apply*} op per variable after all gradients, a {@code NoOp} target named
 * {@code name}). As in TF-Java, a variable the loss does not depend on gets no gradient and no update.
 */
public abstract class Optimizer {
    public static final String VARIABLE_V2 = "VariableV2";

    /** Global state variables (unused, as in TF-Java). */
    protected final List<Variable<?>> globals;
    /** The graph this optimizer builds in. */
    protected final Graph graph;
    /** The ops builder; every op it builds gets the optimizer's name (made unique). */
    protected final Ops tf;
    /** Slot name -> variable name -> slot variable. */
    private final Map<String, Map<String, Variable<?>>> slots;

    /** An optimizer naming its ops after {@link #getOptimizerName()}. */
    protected Optimizer(Graph graph) {
        this.graph = graph;
        this.tf = Ops.create(graph).withName(getOptimizerName());
        this.slots = new HashMap<>();
        this.globals = new ArrayList<>();
    }

    /** An optimizer naming its ops {@code name}. */
    protected Optimizer(Graph graph, String name) {
        this.graph = graph;
        this.tf = Ops.create(graph).withName(name);
        this.slots = new HashMap<>();
        this.globals = new ArrayList<>();
    }

    /** {@code variable-slotName}, the name of a slot variable. */
    public static String createName(Output<? extends TType> variable, String slotName) {
        return variable.op().name() + "-" + slotName;
    }

    /** The optimizer's ops builder. */
    public final Ops getTF() {
        return tf;
    }

    /** Minimizes {@code loss}; the returned op (named {@code <optimizer>-minimize}) is the training target. */
    public Op minimize(Operand<?> loss) {
        return minimize(loss, getOptimizerName() + "-minimize");
    }

    /** Minimizes {@code loss}; the returned op is named {@code name}. */
    public Op minimize(Operand<?> loss, String name) {
        List<GradAndVar<?>> gradsAndVars = computeGradients(loss);
        return applyGradients(gradsAndVars, name);
    }

    /**
     * Gradients of {@code loss} with respect to every {@code VariableV2} of the graph, in graph order.
     * A variable the loss does not depend on gets a {@code null} gradient (TF-Java: a closed output).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T extends TType> List<GradAndVar<?>> computeGradients(Operand<?> loss) {
        List<Operation> variables = new ArrayList<>();
        graph.operations().forEachRemaining(op -> {
            if (op.type().equals(VARIABLE_V2)) {
                variables.add(op);
            }
        });
        Set<Operation> reachable = dataAncestors(loss.asOutput().op());
        List<Output<?>> connected = new ArrayList<>();
        for (Operation v : variables) {
            if (reachable.contains(v)) {
                connected.add(v.output(0));
            }
        }
        Output<?>[] gradients = connected.isEmpty() ? new Output<?>[0]
                : graph.addGradients(loss.asOutput(), connected.toArray(new Output<?>[0]));
        List<GradAndVar<?>> pairs = new ArrayList<>();
        int k = 0;
        for (Operation v : variables) {
            Output<T> grad = reachable.contains(v) ? (Output<T>) gradients[k++] : null;
            pairs.add(new GradAndVar(grad, v.output(0)));
        }
        return pairs;
    }

    /**
     * Creates the slots, then one update op per (gradient, variable) pair, each after all the gradients,
     * and gathers them under a {@code NoOp} named {@code name}. Pairs without a gradient are skipped.
     */
    public Op applyGradients(List<GradAndVar<? extends TType>> gradsAndVars, String name) {
        List<Output<? extends TType>> variables = new ArrayList<>();
        List<Op> gradients = new ArrayList<>();
        for (GradAndVar<? extends TType> pair : gradsAndVars) {
            variables.add(pair.getVariable());
            if (pair.getGradient() != null) {
                gradients.add(pair.getGradient());
            }
        }
        createSlots(variables);
        Ops afterGradients = tf.withControlDependencies(gradients);
        Optional<Op> prepOp = prepare(name + "/prepare");
        List<Op> updateOps = new ArrayList<>();
        prepOp.ifPresent(updateOps::add);
        for (GradAndVar<? extends TType> pair : gradsAndVars) {
            if (pair.getGradient() != null) {
                updateOps.add(applyDense(afterGradients, pair));
            }
        }
        return finish(updateOps, name);
    }

    /** The slot {@code slotName} of {@code var}, if created. */
    public <T extends TType> Optional<Variable<T>> getSlot(Output<T> var, String slotName) {
        return getSlot(var.op().name(), slotName);
    }

    @SuppressWarnings("unchecked")
    private <T extends TType> Optional<Variable<T>> getSlot(String varName, String slotName) {
        Map<String, Variable<?>> variables = slots.get(slotName);
        if (variables != null && variables.get(varName) != null) {
            return Optional.of((Variable<T>) variables.get(varName));
        }
        return Optional.empty();
    }

    /**
     * Creates slot {@code slotName} of {@code variable} (a variable named {@code variable-slotName} of
     * the same shape and type) and registers its assignment from {@code initializer} as an initializer.
     */
    protected <T extends TType> void createSlot(Output<T> variable, String slotName, Operand<T> initializer) {
        Variable<T> slot = tf.withInitScope().withName(createName(variable, slotName))
                .variable(variable.shape(), variable.type());
        tf.withInitScope().assign(slot, initializer);
        slots.computeIfAbsent(slotName, k -> new HashMap<>()).put(variable.op().name(), slot);
    }

    /**
     * A constant of {@code variable}'s shape and type filled with {@code value}: the initial value of a
     * slot. TF-Java builds {@code tf.fill(tf.shape(variable), tf.dtypes.cast(tf.constant(value), type))};
     * tfcompat has no {@code Fill}/{@code Shape} kernels yet, so the same values come from a constant,
     * which needs the variable's static shape.
     */
    protected <T extends TType> Operand<T> filledLike(Output<T> variable, float value) {
        Shape shape = variable.shape();
        if (shape.isUnknown() || shape.hasUnknownDimension()) {
            throw new IllegalArgumentException(getOptimizerName() + ": the slots of variable '" + variable.op().name()
                    + "' need its static shape, which is " + shape + " (tfcompat builds slot initial values as "
                    + "constants until it has the Fill and Shape kernels)");
        }
        TypeInfo info = TypeInfo.of(variable.type());
        @SuppressWarnings("unchecked")
        T tensor = (T) info.fromEngine(Tensor.full(value, info.engine(), shape.asArray()));
        return tf.constantOf(tensor);
    }

    /** Ops run before the updates (none by default); mirrors TF-Java's {@code prepare}. */
    protected Optional<Op> prepare(String scopeName) {
        return Optional.empty();
    }

    /** Creates the optimizer's slots for {@code variables} (none by default). */
    protected void createSlots(List<Output<? extends TType>> variables) {
    }

    private <T extends TType> Op applyDense(Ops opsTF, GradAndVar<T> gradVarPair) {
        return applyDense(opsTF, gradVarPair.getGradient(), gradVarPair.getVariable());
    }

    /** The update op of one variable, built with {@code opsTF} (whose ops wait for all the gradients). */
    protected abstract <T extends TType> Op applyDense(Ops opsTF, Output<T> gradient, Output<T> variable);

    /** A {@code NoOp} named {@code name} depending on every update op: the training target. */
    protected Op finish(List<Op> updateOperations, String name) {
        Scope scope = new OpScope(graph);
        scope = scope.withName(name);
        scope = scope.withControlDependencies(updateOperations);
        return NoOp.create(scope);
    }

    /** The optimizer's name (the default name of its ops). */
    public abstract String getOptimizerName();

    /** The ops {@code output}'s value depends on through data edges (what gradients can flow through). */
    private static Set<Operation> dataAncestors(Operation output) {
        Set<Operation> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Operation> todo = new ArrayDeque<>();
        todo.push(output);
        while (!todo.isEmpty()) {
            Operation op = todo.pop();
            if (!seen.add(op) || !(op instanceof dev.ember.tfcompat.GraphOperation)) {
                continue;
            }
            for (Iterator<Output<?>> it = ((dev.ember.tfcompat.GraphOperation) op).inputOutputs().iterator();
                    it.hasNext();) {
                todo.push(it.next().op());
            }
        }
        return seen;
    }

    /** Optional attributes; mirrors {@code Optimizer.Options}. */
    public static class Options {
        protected String sharedName;

        private Options() {
        }

        /** Sets the shared name of the optimizer's variables. */
        public Optimizer.Options sharedName(String sharedName) {
            this.sharedName = sharedName;
            return this;
        }
    }

    /** A gradient and the variable it is for; mirrors {@code Optimizer.GradAndVar}. */
    public static class GradAndVar<T extends TType> {
        private final Output<T> gradient;
        private final Output<T> variable;

        public GradAndVar(Output<T> gradient, Output<T> variable) {
            this.gradient = gradient;
            this.variable = variable;
        }

        /** The gradient ({@code null} when the loss does not depend on the variable). */
        public Output<T> getGradient() {
            return gradient;
        }

        public Output<T> getVariable() {
            return variable;
        }
    }
}
