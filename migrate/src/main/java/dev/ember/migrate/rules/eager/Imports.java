package dev.ember.migrate.rules.eager;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The imports of a rewritten file: types the generated code uses are imported by simple name unless
 * that name is taken (then written qualified); TF-Java imports the rewritten code no longer uses go.
 */
final class Imports {
    private final CompilationUnit cu;
    private final Set<String> wanted = new LinkedHashSet<>();

    private final Set<String> usedBefore;

    Imports(CompilationUnit cu) {
        this.cu = cu;
        this.usedBefore = usedNames(cu);
    }

    private Imports(CompilationUnit cu, Set<String> usedBefore) {
        this.cu = cu;
        this.usedBefore = usedBefore;
    }

    /** A copy to try a program's conversion with (see {@link #take}). */
    Imports copy() {
        Imports c = new Imports(cu, usedBefore);
        c.wanted.addAll(wanted);
        return c;
    }

    /** Keeps what {@code attempt} wanted (its program converted). */
    void take(Imports attempt) {
        wanted.addAll(attempt.wanted);
    }

    /** The name to write for {@code qualified} (and remembers to import it). */
    String use(String qualified) {
        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
        for (ImportDeclaration i : cu.getImports()) {
            if (!i.isStatic() && !i.isAsterisk() && i.getNameAsString().equals(qualified)) {
                return simple;
            }
            if (!i.isStatic() && !i.isAsterisk() && i.getName().getIdentifier().equals(simple)) {
                return qualified;
            }
        }
        for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) {
            if (t.getNameAsString().equals(simple)) {
                return qualified;
            }
        }
        wanted.add(qualified);
        return simple;
    }

    /** {@code text} with the wanted imports added (in sorted position) and unused TF-Java imports removed. */
    String fix(String text) {
        ParseResult<CompilationUnit> r = new JavaParser(new com.github.javaparser.ParserConfiguration()
                .setLanguageLevel(com.github.javaparser.ParserConfiguration.LanguageLevel.JAVA_17)).parse(text);
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            throw new IllegalStateException("the rewritten file does not parse: " + r.getProblems());
        }
        CompilationUnit out = r.getResult().get();
        Set<String> used = usedNames(out);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<Integer> remove = new ArrayList<>();
        Set<String> present = new HashSet<>();
        int lastImportLine = -1;
        int firstImportLine = -1;
        for (ImportDeclaration i : out.getImports()) {
            int line = i.getRange().orElseThrow().begin.line - 1;
            lastImportLine = Math.max(lastImportLine, line);
            firstImportLine = firstImportLine < 0 ? line : Math.min(firstImportLine, line);
            String name = i.getNameAsString();
            present.add(name);
            String id = i.getName().getIdentifier();
            boolean tf = name.startsWith("org.tensorflow.");
            boolean orphaned = (tf || usedBefore.contains(id)) && !used.contains(id);
            if (!i.isAsterisk() && !i.isStatic() && orphaned) {
                remove.add(line);
            }
        }
        List<String> add = new ArrayList<>();
        for (String w : wanted) {
            if (!present.contains(w)) {
                add.add("import " + w + ";");
            }
        }
        add.sort(null);
        for (int k = remove.size() - 1; k >= 0; k--) {
            lines.remove((int) remove.get(k));
            if (lastImportLine >= remove.get(k)) {
                lastImportLine--;
            }
        }
        if (!add.isEmpty()) {
            insertSorted(lines, add, firstImportLine, lastImportLine, out);
        }
        return String.join("\n", lines);
    }

    private static void insertSorted(List<String> lines, List<String> add, int first, int last, CompilationUnit out) {
        if (last < 0) {
            int at = out.getPackageDeclaration().flatMap(p -> p.getRange()).map(rg -> rg.end.line).orElse(0);
            List<String> block = new ArrayList<>(add);
            if (at > 0) {
                block.add(0, "");
            }
            block.add("");
            lines.addAll(at, block);
            return;
        }
        for (String imp : add) {
            int pos = -1;
            for (int i = first; i <= last && i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.startsWith("import ") && !l.startsWith("import static ") && l.compareTo(imp) > 0) {
                    pos = i;
                    break;
                }
            }
            if (pos < 0) {
                pos = last + 1;
            }
            lines.add(pos, imp);
            last++;
        }
    }

    private static Set<String> usedNames(CompilationUnit cu) {
        Set<String> used = new HashSet<>();
        cu.findAll(ClassOrInterfaceType.class).forEach(t -> {
            ClassOrInterfaceType root = t;
            while (root.getScope().isPresent()) {
                root = root.getScope().get();
            }
            used.add(root.getNameAsString());
        });
        cu.findAll(NameExpr.class).forEach(n -> used.add(n.getNameAsString()));
        cu.findAll(FieldAccessExpr.class).forEach(f -> used.add(f.getNameAsString()));
        cu.findAll(MethodCallExpr.class).forEach(m -> used.add(m.getNameAsString()));
        cu.findAll(AnnotationExpr.class).forEach(a -> used.add(a.getName().getIdentifier()));
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("(?:@link|@linkplain|@see|@throws)\\s+([A-Za-z_][A-Za-z0-9_]*)");
        cu.getAllComments().forEach(c -> {
            var m = link.matcher(c.getContent());
            while (m.find()) {
                used.add(m.group(1));   // {@link Foo} in Javadoc keeps Foo's import
            }
        });
        return used;
    }
}
