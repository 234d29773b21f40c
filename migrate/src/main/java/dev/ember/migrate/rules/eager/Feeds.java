package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Feed tensors: TF-Java's host tensor factories ({@code TFloat32.tensorOf(StdArrays.ndCopyOf(a))},
 * {@code scalarOf}, {@code vectorOf}, {@code tensorOf(Shape, DataBuffers.of(a))}) and the engine
 * {@code Tensor} creation with the same dtype, shape and values.
 */
final class Feeds {
    private Feeds() {
    }

    /** The dtype a TF tensor factory call makes, or null when {@code e} is not one. */
    static String dtypeOf(Expression e) {
        if (!(e instanceof MethodCallExpr m)) {
            return null;
        }
        String owner;
        try {
            ResolvedMethodDeclaration d = m.resolve();
            owner = d.declaringType().getQualifiedName();
            if (!d.isStatic()) {
                return null;
            }
        } catch (RuntimeException | StackOverflowError ex) {
            // overloaded factories (DataBuffers.of) can defeat the solver: the imported type name decides
            owner = m.getScope().filter(sc -> sc instanceof NameExpr).flatMap(sc -> Interpreter.importedType(m,
                    ((NameExpr) sc).getNameAsString())).orElse("");
            if (!List.of("tensorOf", "scalarOf", "vectorOf").contains(m.getNameAsString())) {
                return null;
            }
        }
        if (!owner.startsWith("org.tensorflow.types.T")) {
            return null;
        }
        {
            switch (owner.substring("org.tensorflow.types.".length())) {
                case "TFloat32": return "float32";
                case "TFloat64": return "float64";
                case "TInt32": return "int32";
                case "TInt64": return "int64";
                case "TBool": return "bool";
                default: return "unsupported";
            }
        }
    }

    /** The engine expression making the same tensor as the factory call {@code e}. */
    static String convert(Expression e, UnaryOperator<String> type) {
        String dtype = dtypeOf(e);
        if (dtype == null || dtype.equals("unsupported")) {
            throw new Unsupported(e, "a feed tensor the analysis cannot convert: `" + Interpreter.oneLine(e) + "`");
        }
        MethodCallExpr m = (MethodCallExpr) e;
        String t = type.apply("dev.ember.engine.Tensor");
        String name = m.getNameAsString();
        if (name.equals("scalarOf") && m.getArguments().size() == 1) {
            String v = Src.of(m.getArgument(0));
            String jt = javaType(m.getArgument(0));
            switch (dtype) {
                case "float32": return t + ".scalar(" + ("float".equals(jt) ? v : "(float) " + v) + ")";
                case "float64": return t + ".scalar(" + v + ", " + type.apply("dev.ember.engine.DType") + ".FLOAT64)";
                case "int32": return t + ".scalar(" + v + ", " + type.apply("dev.ember.engine.DType") + ".INT32)";
                case "int64": return t + ".scalar(" + ("long".equals(jt) ? v : "(long) " + v) + ")";
                default: return t + ".scalar(" + v + ")";
            }
        }
        if (name.equals("tensorOf") && m.getArguments().size() == 1 && m.getArgument(0) instanceof MethodCallExpr nd
                && nd.getNameAsString().equals("ndCopyOf") && nd.getArguments().size() == 1) {
            return fromArray(nd.getArgument(0), dtype, t, type);
        }
        if (name.equals("tensorOf") && m.getArguments().size() == 2 && m.getArgument(0) instanceof MethodCallExpr sh
                && sh.getNameAsString().equals("of") && m.getArgument(1) instanceof MethodCallExpr buf
                && buf.getNameAsString().equals("of") && buf.getArguments().size() == 1) {
            String elem = javaType(buf.getArgument(0));
            if (elem != null && elem.endsWith("[]") && !elem.endsWith("[][]")
                    && dtype.equals(OpTranslations.javaTypeDType(elem))) {
                List<String> dims = new ArrayList<>();
                sh.getArguments().forEach(a -> dims.add(Src.of(a)));
                return t + ".fromArray(" + Src.of(buf.getArgument(0)) + (dims.isEmpty() ? "" : ", " + String.join(", ", dims))
                        + ")";
            }
        }
        if (name.equals("vectorOf")) {
            String elem = dtype.equals("float32") ? "float" : dtype.equals("int64") ? "long"
                    : dtype.equals("int32") ? "int" : null;
            if (elem != null) {
                // Tensor.of(int[]) makes int64 (like torch.tensor of Python ints): TInt32 feeds cast back
                String to = elem.equals("int") ? ".to(" + type.apply("dev.ember.engine.DType") + ".INT32)" : "";
                if (m.getArguments().size() == 1 && (elem + "[]").equals(javaType(m.getArgument(0)))) {
                    return t + ".of(" + Src.of(m.getArgument(0)) + ")" + to;
                }
                List<String> vs = new ArrayList<>();
                m.getArguments().forEach(a -> vs.add(Src.of(a)));
                return t + ".of(new " + elem + "[] {" + String.join(", ", vs) + "})" + to;
            }
        }
        throw new Unsupported(e, "a feed tensor the analysis cannot convert: `" + Interpreter.oneLine(e) + "`");
    }

    private static String fromArray(Expression arr, String dtype, String t, UnaryOperator<String> type) {
        String jt = javaType(arr);
        if (jt == null || !dtype.equals(OpTranslations.javaTypeDType(jt))) {
            throw new Unsupported(arr, "a feed of a " + jt + " as " + dtype);
        }
        int rank = (jt.length() - jt.replace("[]", "").length()) / 2;
        String elem = jt.replace("[]", "");
        if (elem.equals("float") && rank >= 1 && rank <= 4 || elem.equals("long") && rank <= 2
                || elem.equals("boolean") && rank == 1) {
            return t + ".of(" + Src.of(arr) + ")";
        }
        if (elem.equals("int") && rank == 1) {
            return t + ".of(" + Src.of(arr) + ").to(" + type.apply("dev.ember.engine.DType") + ".INT32)";
        }
        if (elem.equals("double") && rank == 1 && arr instanceof NameExpr) {
            return t + ".fromArray(" + Src.of(arr) + ", " + Src.of(arr) + ".length)";
        }
        throw new Unsupported(arr, "a feed of a " + jt + " (the engine has no factory for it yet)");
    }

    static String javaType(Expression e) {
        try {
            return e.calculateResolvedType().describe();
        } catch (RuntimeException | StackOverflowError ex) {
            return null;
        }
    }
}
