package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analysis knows about a Java value while it interprets a graph program: a TF value, an
 * {@code Ops} scope or op group, a Java constant, an opaque Java expression, a list, a
 * {@code Gradients} result, the graph, the session or a framework optimizer.
 */
sealed interface Val {

    /** A TF operand or op. */
    record Tf(TfNode node) implements Val {
    }

    /** A Java value computed at migration time; {@code expr} is the source to emit for it (may be null). */
    record Const(Object value, Expression expr) implements Val {
    }

    /** A Java value only known at run time, e.g. {@code normal(rnd, 0.1f, 5, 5, 1, 8)}; {@code type} is its Java type. */
    record Opaque(Expression expr, String type) implements Val {
    }

    /** A {@code java.util.List} (or array) of values; {@code mutable} for {@code new ArrayList<>()}. */
    record ListOf(List<Val> items, boolean mutable) implements Val {
        static ListOf mutableEmpty() {
            return new ListOf(new ArrayList<>(), true);
        }
    }

    /** The {@code Graph}. */
    record GraphV() implements Val {
    }

    /** A {@code Session} on the program's graph. */
    record SessionV() implements Val {
    }

    /** A framework optimizer: {@code kind} (GradientDescent, Momentum, Adam, ...) and its constructor arguments. */
    record Optimizer(String kind, List<Val> args, Expression source) implements Val {
    }

    /** A {@code Placeholder.shape(...)}-style option: {@code name} and its value. */
    record Option(String name, Val value) implements Val {
    }

    /** An {@code Ops} instance: name prefix, a pending {@code withName}, control dependencies. */
    record Scope(Names names, String opName, List<TfNode> controls) implements Val {
        Scope withName(String n) {
            return new Scope(names, n, controls);
        }

        Scope withControls(List<TfNode> deps) {
            List<TfNode> all = new ArrayList<>(controls);
            all.addAll(deps);
            return new Scope(names, opName, all);
        }

        /** The full name for a new op of TF type {@code defaultName} (TF-Java's rules, see tfcompat's NameScope). */
        String makeOpName(String defaultName) {
            return names.qualify(names.unique(opName != null ? opName : defaultName));
        }

        Scope withSubScope(String name) {
            String actual = opName != null ? opName : name;
            return new Scope(new Names(names.qualify(names.unique(actual))), null, controls);
        }
    }

    /** An op group of a scope: {@code tf.math}, {@code tf.nn}, ... */
    record Group(Scope scope, String group) implements Val {
    }

    /** Name counters of one TF name scope, shared by {@code withName} and control-dependency scopes. */
    final class Names {
        final String prefix;
        private final Map<String, Integer> counters = new HashMap<>();

        Names(String prefix) {
            this.prefix = prefix;
        }

        String unique(String id) {
            Integer seen = counters.get(id);
            if (seen == null) {
                counters.put(id, 1);
                return id;
            }
            counters.put(id, seen + 1);
            return id + "_" + seen;
        }

        String qualify(String name) {
            return prefix == null ? name : prefix + "/" + name;
        }
    }
}
