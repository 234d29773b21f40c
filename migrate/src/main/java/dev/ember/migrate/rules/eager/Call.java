package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;

/** One TF op call being analysed: its arguments as {@link Val}s, the scope it was called on, and helpers to read them. */
final class Call {
    final Interpreter in;
    final MethodCallExpr x;
    final Val.Scope scope;
    final List<Val> args;
    final String key;

    Call(Interpreter in, MethodCallExpr x, Val.Scope scope, List<Val> args, String key) {
        this.in = in;
        this.x = x;
        this.scope = scope;
        this.args = args;
        this.key = key;
    }

    int arity() {
        return args.size();
    }

    Expression arg(int i) {
        return x.getArgument(i);
    }

    /** Argument {@code i}, which must be a TF value. */
    TfNode tf(int i) {
        if (i < args.size() && args.get(i) instanceof Val.Tf t) {
            return t.node();
        }
        throw new Unsupported(i < x.getArguments().size() ? x.getArgument(i) : x, "argument " + (i + 1) + " of `"
                + x.getNameAsString() + "` is not a TF value the analysis knows");
    }

    /** Argument {@code i}, a list (or varargs from {@code i} on) of TF values. */
    List<TfNode> tfList(int i) {
        List<TfNode> out = new ArrayList<>();
        if (i < args.size() && args.get(i) instanceof Val.ListOf l) {
            for (Val v : l.items()) {
                if (!(v instanceof Val.Tf t)) {
                    throw new Unsupported(x.getArgument(i), "a list with values that are not TF values");
                }
                out.add(t.node());
            }
            return out;
        }
        for (int k = i; k < args.size(); k++) {
            out.add(tf(k));
        }
        return out;
    }

    /** Argument {@code i}, a Java constant. */
    Object java(int i) {
        if (i < args.size() && args.get(i) instanceof Val.Const c) {
            return c.value();
        }
        throw new Unsupported(i < x.getArguments().size() ? x.getArgument(i) : x, "argument " + (i + 1) + " of `"
                + x.getNameAsString() + "` is not a constant the analysis can compute");
    }

    String string(int i) {
        if (java(i) instanceof String s) {
            return s;
        }
        throw new Unsupported(x.getArgument(i), "argument " + (i + 1) + " of `" + x.getNameAsString() + "` is not a string");
    }

    /** Argument {@code i}: a TF constant (or a Java {@code List<Long>}) whose values are known, as longs. */
    long[] longs(int i) {
        Val v = i < args.size() ? args.get(i) : null;
        if (v instanceof Val.ListOf l) {
            long[] out = new long[l.items().size()];
            for (int k = 0; k < out.length; k++) {
                if (!(l.items().get(k) instanceof Val.Const c) || !(c.value() instanceof Number n)) {
                    throw new Unsupported(x.getArgument(i), "a list whose values are not constants");
                }
                out[k] = n.longValue();
            }
            return out;
        }
        if (v instanceof Val.Tf t) {
            Object c = OpTranslations.constValue(t.node());
            if (c instanceof Number n) {
                return new long[] {n.longValue()};
            }
            if (c instanceof JArray a && a.flat() != null && a.rank() <= 1) {
                return a.longs();
            }
        }
        throw new Unsupported(i < x.getArguments().size() ? x.getArgument(i) : x, "argument " + (i + 1) + " of `"
                + x.getNameAsString() + "` is not a constant the analysis can compute");
    }

    /** The options ({@code Xxx.Options}) passed from argument {@code from} on. */
    List<Val.Option> options(int from) {
        List<Val.Option> out = new ArrayList<>();
        for (int k = from; k < args.size(); k++) {
            if (!(args.get(k) instanceof Val.Option o)) {
                throw new Unsupported(x.getArgument(k), "an option the analysis does not know");
            }
            out.add(o);
        }
        return out;
    }

    /** Refuses any option but those named. */
    void onlyOptions(int from, String... allowed) {
        for (Val.Option o : options(from)) {
            if (!List.of(allowed).contains(o.name())) {
                throw new Unsupported(x, "option `" + o.name() + "` of `" + x.getNameAsString() + "` is not converted");
            }
        }
    }

    Object option(int from, String name) {
        for (Val.Option o : options(from)) {
            if (o.name().equals(name)) {
                if (o.value() instanceof Val.Const c) {
                    return c.value();
                }
                throw new Unsupported(x, "option `" + name + "` is not a constant");
            }
        }
        return null;
    }

    TfNode make(String op, String tfType, List<TfNode> inputs) {
        return in.node(op, inputs, x, scope, tfType);
    }

    TfNode make(String op, String tfType, TfNode... inputs) {
        return make(op, tfType, List.of(inputs));
    }
}
