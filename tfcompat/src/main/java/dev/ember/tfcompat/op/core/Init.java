package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.ExecutionEnvironment;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;

/** One target running every initializer registered so far (the older {@code tf.init()}). */
public final class Init extends RawOp {
    public static final String DEFAULT_NAME = "init";

    private Init(Operation operation) {
        super(operation);
    }

    public static Init create(Scope scope) {
        ExecutionEnvironment env = scope.env();
        if (!(env instanceof Graph)) {
            throw new IllegalArgumentException("tf.init() is for graphs; eager variables are initialised when created");
        }
        Scope s = scope.withControlDependencyOps(new java.util.ArrayList<Operation>(((Graph) env).initializers()));
        return new Init(s.opBuilder(NoOp.OP_NAME, DEFAULT_NAME).build());
    }
}
