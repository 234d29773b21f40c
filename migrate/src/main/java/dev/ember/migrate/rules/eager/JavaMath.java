package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.ArrayList;
import java.util.List;

/** Java's arithmetic on constants (binary numeric promotion, integer overflow and division as Java does them). */
final class JavaMath {
    private JavaMath() {
    }

    static Object unary(Object v, UnaryExpr.Operator op) {
        if (op == UnaryExpr.Operator.LOGICAL_COMPLEMENT && v instanceof Boolean b) {
            return !b;
        }
        if (!(v instanceof Number n)) {
            return null;
        }
        switch (op) {
            case PLUS:
                return v;
            case MINUS:
                if (n instanceof Integer i) {
                    return -i;
                }
                if (n instanceof Long l) {
                    return -l;
                }
                if (n instanceof Float f) {
                    return -f;
                }
                return -n.doubleValue();
            default:
                return null;
        }
    }

    static Object binary(Object a, Object b, BinaryExpr.Operator op) {
        if (op == BinaryExpr.Operator.PLUS && (a instanceof String || b instanceof String)) {
            return String.valueOf(a) + b;
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            switch (op) {
                case AND: return x && y;
                case OR: return x || y;
                case EQUALS: return x.equals(y);
                case NOT_EQUALS: return !x.equals(y);
                default: return null;
            }
        }
        if (!(a instanceof Number x) || !(b instanceof Number y)) {
            return null;
        }
        if (x instanceof Double || y instanceof Double) {
            return arith(x.doubleValue(), y.doubleValue(), op);
        }
        if (x instanceof Float || y instanceof Float) {
            Object r = arith(x.floatValue(), y.floatValue(), op);
            return r instanceof Double d ? (Object) d.floatValue() : r;
        }
        if (x instanceof Long || y instanceof Long) {
            return arith(x.longValue(), y.longValue(), op);
        }
        Object r = arith(x.longValue(), y.longValue(), op);
        return r instanceof Long l ? (Object) (int) (long) l : r;
    }

    private static Object arith(double x, double y, BinaryExpr.Operator op) {
        switch (op) {
            case PLUS: return x + y;
            case MINUS: return x - y;
            case MULTIPLY: return x * y;
            case DIVIDE: return x / y;
            case REMAINDER: return x % y;
            case LESS: return x < y;
            case LESS_EQUALS: return x <= y;
            case GREATER: return x > y;
            case GREATER_EQUALS: return x >= y;
            case EQUALS: return x == y;
            case NOT_EQUALS: return x != y;
            default: return null;
        }
    }

    private static Object arith(long x, long y, BinaryExpr.Operator op) {
        switch (op) {
            case PLUS: return x + y;
            case MINUS: return x - y;
            case MULTIPLY: return x * y;
            case DIVIDE: return y == 0 ? null : x / y;
            case REMAINDER: return y == 0 ? null : x % y;
            case LESS: return x < y;
            case LESS_EQUALS: return x <= y;
            case GREATER: return x > y;
            case GREATER_EQUALS: return x >= y;
            case EQUALS: return x == y;
            case NOT_EQUALS: return x != y;
            default: return null;
        }
    }

    static Object cast(Number n, String type) {
        switch (type) {
            case "int": return n.intValue();
            case "long": return n.longValue();
            case "float": return n.floatValue();
            case "double": return n.doubleValue();
            default: return n;
        }
    }

    /** The value of an array creation or initializer, or null when it is not computable. */
    static JArray array(Expression e, Interpreter in) {
        if (e instanceof ArrayCreationExpr c) {
            String elem = c.getElementType().asString();
            if (c.getInitializer().isPresent()) {
                return array(c.getInitializer().get(), elem, c.getLevels().size(), in);
            }
            List<Long> dims = new ArrayList<>();
            for (var level : c.getLevels()) {
                if (level.getDimension().isEmpty()) {
                    break;
                }
                Val d = in.eval(level.getDimension().get());
                if (!(d instanceof Val.Const k) || !(k.value() instanceof Number n)) {
                    return null;
                }
                dims.add(n.longValue());
            }
            if (dims.size() != c.getLevels().size()) {
                return null;
            }
            long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
            long numel = 1;
            for (long d : shape) {
                numel *= d;
            }
            return new JArray(elem, shape, numel <= 1 << 20 ? new double[(int) numel] : null);
        }
        return null;
    }

    /** The value of {@code {...}} declared with type {@code declType} (e.g. {@code float[][]}). */
    static JArray array(ArrayInitializerExpr init, String declType, Interpreter in) {
        String elem = declType.replace("[]", "").strip();
        int rank = (declType.length() - declType.replace("[]", "").length()) / 2;
        return array(init, elem, rank, in);
    }

    private static JArray array(ArrayInitializerExpr init, String elem, int rank, Interpreter in) {
        List<Double> flat = new ArrayList<>();
        long[] shape = new long[rank];
        if (!fill(init, 0, shape, flat, in)) {
            return null;
        }
        return new JArray(elem, shape, flat.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static boolean fill(Expression e, int dim, long[] shape, List<Double> flat, Interpreter in) {
        if (dim == shape.length) {
            Val v = in.eval(e);
            if (v instanceof Val.Const c && c.value() instanceof Number n) {
                flat.add(n.doubleValue());
                return true;
            }
            if (v instanceof Val.Const c && c.value() instanceof Boolean b) {
                flat.add(b ? 1.0 : 0.0);
                return true;
            }
            return false;
        }
        if (!(e instanceof ArrayInitializerExpr ai)) {
            return false;
        }
        int n = ai.getValues().size();
        if (shape[dim] == 0 && flat.isEmpty() && dimUnset(shape, dim)) {
            shape[dim] = n;
        } else if (shape[dim] != n) {
            return false;   // ragged: TF refuses it too; leave it opaque
        }
        for (Expression v : ai.getValues()) {
            if (!fill(v, dim + 1, shape, flat, in)) {
                return false;
            }
        }
        return true;
    }

    private static boolean dimUnset(long[] shape, int dim) {
        return shape[dim] == 0;
    }
}
