package dev.ember.migrate.rules.compat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.resolution.declarations.ResolvedConstructorDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import dev.ember.migrate.report.Severity;
import dev.ember.migrate.rules.Rule;
import dev.ember.migrate.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compat level: {@code org.tensorflow.*} imports and fully qualified names become
 * {@code dev.ember.tfcompat.*} (ndarray and protos stay TF-Java's), so the program runs on the engine
 * unchanged. Only done when every TF-Java class, constructor, method and field the file uses exists in
 * tfcompat: otherwise the file keeps TF-Java (it still compiles) and each missing member is an
 * UNSUPPORTED finding. Members the symbol solver cannot resolve are reported as unverified.
 */
public final class ReplaceTensorFlowImports implements Rule {

    @Override
    public String id() {
        return "compat.imports";
    }

    @Override
    public String summary() {
        return "org.tensorflow imports and qualified names -> dev.ember.tfcompat (when tfcompat has everything used)";
    }

    @Override
    public void apply(CompilationUnit cu, RuleContext ctx) {
        List<ImportDeclaration> imports = new ArrayList<>();
        for (ImportDeclaration i : cu.getImports()) {
            if (TfCompatMapping.isMapped(i.getNameAsString() + (i.isAsterisk() ? "." : ""))) {
                imports.add(i);
            }
        }
        List<ClassOrInterfaceType> qualified = new ArrayList<>();
        for (ClassOrInterfaceType t : cu.findAll(ClassOrInterfaceType.class)) {
            if (t.getScope().isPresent() && TfCompatMapping.isMapped(t.asString().replaceAll("<.*", ""))) {
                qualified.add(t);
            }
        }
        if (imports.isEmpty() && qualified.isEmpty()) {
            return;
        }
        Map<String, Node> missing = missingMembers(cu, imports, ctx);
        if (!missing.isEmpty()) {
            missing.forEach((what, at) -> ctx.finding(Severity.UNSUPPORTED, at, "tfcompat has no " + what
                    + "; this file keeps TF-Java", "the op or API is not in tfcompat yet (see OpRegistry.types())"));
            return;
        }
        for (ImportDeclaration i : imports) {
            i.setName(TfCompatMapping.compatName(i.getNameAsString()));
        }
        for (ClassOrInterfaceType t : qualified) {
            rescope(t);
        }
    }

    /** Replaces the {@code org.tensorflow} prefix of a qualified type by tfcompat's. */
    private static void rescope(ClassOrInterfaceType t) {
        ClassOrInterfaceType root = t;
        List<ClassOrInterfaceType> chain = new ArrayList<>();
        while (root.getScope().isPresent()) {
            chain.add(root);
            root = root.getScope().get();
        }
        // root is "org": rebuild the package part of the scope as dev.ember.tfcompat
        if (root.getNameAsString().equals("org") && chain.size() >= 2) {
            ClassOrInterfaceType tf = chain.get(chain.size() - 1);   // org.tensorflow
            if (tf.getNameAsString().equals("tensorflow")) {
                ClassOrInterfaceType compat = new ClassOrInterfaceType(
                        new ClassOrInterfaceType(new ClassOrInterfaceType(null, "dev"), "ember"), "tfcompat");
                if (chain.size() >= 2) {
                    chain.get(chain.size() - 2).setScope(compat);
                }
            }
        }
    }

    /** TF-Java members the file uses that tfcompat lacks, keyed by a description. */
    private static Map<String, Node> missingMembers(CompilationUnit cu, List<ImportDeclaration> imports, RuleContext ctx) {
        Map<String, Node> missing = new LinkedHashMap<>();
        for (ImportDeclaration i : imports) {
            if (!i.isAsterisk() && !i.isStatic() && TfCompatMapping.compatClass(i.getNameAsString()).isEmpty()) {
                missing.putIfAbsent("class " + i.getNameAsString(), i);
            }
        }
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
            try {
                ResolvedMethodDeclaration m = call.resolve();
                String owner = m.declaringType().getQualifiedName();
                if (TfCompatMapping.isMapped(owner)) {
                    Optional<Class<?>> c = TfCompatMapping.compatClass(owner);
                    if (c.isEmpty() || !TfCompatMapping.hasMethod(c.get(), m.getName(), call.getArguments().size())) {
                        missing.putIfAbsent("method " + simple(owner) + "." + m.getName() + "("
                                + call.getArguments().size() + " args)", call);
                    }
                }
            } catch (RuntimeException e) {
                if (mentionsTensorFlow(call)) {
                    ctx.finding(Severity.WARNING, call, "could not resolve `" + call.getNameAsString()
                            + "` to check that tfcompat has it", "if the migrated file does not compile, this is why");
                }
            }
        }
        for (ObjectCreationExpr n : cu.findAll(ObjectCreationExpr.class)) {
            try {
                ResolvedConstructorDeclaration k = n.resolve();
                String owner = k.declaringType().getQualifiedName();
                if (TfCompatMapping.isMapped(owner)) {
                    Optional<Class<?>> c = TfCompatMapping.compatClass(owner);
                    if (c.isEmpty() || !TfCompatMapping.hasConstructor(c.get(), n.getArguments().size())) {
                        missing.putIfAbsent("constructor new " + simple(owner) + "(" + n.getArguments().size()
                                + " args)", n);
                    }
                }
            } catch (RuntimeException e) {
                // an unresolvable non-TF constructor is none of this rule's business
            }
        }
        for (FieldAccessExpr f : cu.findAll(FieldAccessExpr.class)) {
            try {
                ResolvedValueDeclaration v = f.resolve();
                if (v.isField()) {
                    String owner = v.asField().declaringType().getQualifiedName();
                    if (TfCompatMapping.isMapped(owner)) {
                        Optional<Class<?>> c = TfCompatMapping.compatClass(owner);
                        if (c.isEmpty() || !TfCompatMapping.hasField(c.get(), f.getNameAsString())) {
                            missing.putIfAbsent("field " + simple(owner) + "." + f.getNameAsString(), f);
                        }
                    }
                }
            } catch (RuntimeException e) {
                // package names and unresolvable fields parse as field accesses too
            }
        }
        return missing;
    }

    private static boolean mentionsTensorFlow(MethodCallExpr call) {
        return call.getScope().map(s -> s.toString().matches(".*\\b(tf|session|runner|graph|Ops|Session)\\b.*"))
                .orElse(false);
    }

    private static String simple(String qualified) {
        return qualified.substring(TfCompatMapping.TF.length());
    }
}
