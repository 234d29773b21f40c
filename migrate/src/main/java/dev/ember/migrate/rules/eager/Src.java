package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.Node;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;

/** A node's source as the user wrote it (lexically preserved), for code copied into the output. */
final class Src {
    private Src() {
    }

    static String of(Node n) {
        try {
            return LexicalPreservingPrinter.print(n);
        } catch (RuntimeException e) {
            return n.toString();
        }
    }
}
