package dev.ember.tfcompat.op;

import dev.ember.tfcompat.ExecutionEnvironment;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The standard {@link Scope}; mirrors {@code org.tensorflow.op.OpScope}. Names follow TF: {@code Add}, {@code Add_1}, {@code layer/Add}. */
public final class OpScope implements Scope {
    private static final Pattern VALID_SCOPE = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9_.\\-]*");

    private final ExecutionEnvironment env;
    private final String prefix;
    private final String opName;
    private final List<Operation> controls;
    private final boolean init;
    private final String device;

    public OpScope(ExecutionEnvironment env) {
        this(env, "", null, List.of(), false, "");
    }

    private OpScope(ExecutionEnvironment env, String prefix, String opName, List<Operation> controls, boolean init,
            String device) {
        this.env = env;
        this.prefix = prefix;
        this.opName = opName;
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
        check(VALID_SCOPE, childScopeName, "scope name");
        return new OpScope(env, prefix + childScopeName + "/", null, controls, init, device);
    }

    @Override
    public OpScope withName(String name) {
        check(VALID_SCOPE, name, "op name");
        return new OpScope(env, prefix, name, controls, init, device);
    }

    @Override
    public OpScope withNameAsSubScope(String defaultName) {
        String n = opName != null ? opName : defaultName;
        return new OpScope(env, prefix + n + "/", null, controls, init, device);
    }

    @Override
    public OpScope withDevice(String deviceSpec) {
        return new OpScope(env, prefix, opName, controls, init, deviceSpec);
    }

    @Override
    public OpScope withInitScope() {
        return new OpScope(env, prefix, opName, List.of(), true, device);
    }

    @Override
    public String makeOpName(String defaultName) {
        String name = prefix + (opName != null ? opName : defaultName);
        return makeUnique(name);
    }

    @Override
    public String makeUnique(String id) {
        return env instanceof Graph ? ((Graph) env).uniqueName(id) : id;
    }

    @Override
    public Scope withControlDependencyOps(Iterable<Operation> ops) {
        List<Operation> all = new ArrayList<>(controls);
        for (Operation o : ops) {
            if (!all.contains(o)) {
                all.add(o);
            }
        }
        return new OpScope(env, prefix, opName, List.copyOf(all), init, device);
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

    private static void check(Pattern p, String name, String what) {
        if (name == null || !p.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid " + what + ": '" + name + "' (use letters, digits, '.', '_', '-'"
                    + "; '/' is not allowed: use withSubScope for prefixes" + ")");
        }
    }
}
