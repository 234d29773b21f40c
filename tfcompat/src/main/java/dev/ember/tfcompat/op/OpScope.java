package dev.ember.tfcompat.op;

import dev.ember.tfcompat.ExecutionEnvironment;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import java.util.ArrayList;
import java.util.List;

/** The standard {@link Scope}; mirrors {@code org.tensorflow.op.OpScope}. Names follow TF: {@code Add}, {@code Add_1}, {@code layer/Add}. */
public final class OpScope implements Scope {
    private final ExecutionEnvironment env;
    private final NameScope names;
    private final List<Operation> controls;
    private final boolean init;
    private final String device;

    public OpScope(ExecutionEnvironment env) {
        this(env, NameScope.rootOf(env), List.of(), false, "");
    }

    private OpScope(ExecutionEnvironment env, NameScope names, List<Operation> controls, boolean init, String device) {
        this.env = env;
        this.names = names;
        this.controls = controls;
        this.init = init;
        this.device = device;
    }

    @Override
    public ExecutionEnvironment env() {
        return env;
    }

    @Override
    public OpScope withSubScope(String childScopeName) {
        return new OpScope(env, names.withSubScope(childScopeName), controls, init, device);
    }

    @Override
    public OpScope withName(String name) {
        return new OpScope(env, names.withName(name), controls, init, device);
    }

    @Override
    public OpScope withNameAsSubScope(String defaultName) {
        return new OpScope(env, names.withSubScope(defaultName), controls, init, device);
    }

    @Override
    public OpScope withDevice(String deviceSpec) {
        return new OpScope(env, names, controls, init, deviceSpec);
    }

    @Override
    public OpScope withInitScope() {
        return new OpScope(env, names, List.of(), true, device);
    }

    @Override
    public String makeOpName(String defaultName) {
        return names.makeOpName(defaultName);
    }

    @Override
    public String makeUnique(String id) {
        return names.unique(id);
    }

    @Override
    public Scope withControlDependencyOps(Iterable<Operation> ops) {
        List<Operation> all = new ArrayList<>(controls);
        for (Operation o : ops) {
            if (!all.contains(o)) {
                all.add(o);
            }
        }
        return new OpScope(env, names, List.copyOf(all), init, device);
    }

    @Override
    public List<Operation> controlDependencies() {
        return controls;
    }

    @Override
    public OperationBuilder apply(OperationBuilder builder) {
        if (!device.isEmpty()) {
            builder.setDevice(device);
        }
        return builder;
    }

    @Override
    public String getDeviceString() {
        return device;
    }

    @Override
    public boolean isInit() {
        return init;
    }

}
