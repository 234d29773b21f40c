package dev.ember.engine.ops;

import java.util.ArrayList;
import java.util.List;

/** The op-spec table: every family's rows, in one list. Add a family here once; add ops in its file. */
public final class OpSpecTable {
    private OpSpecTable() {
    }

    public static List<OpSpec> all() {
        List<OpSpec> rows = new ArrayList<>();
        rows.addAll(ElementwiseSpecs.rows());
        rows.addAll(ShapeSpecs.rows());
        rows.addAll(ReduceSpecs.rows());
        rows.addAll(LinalgSpecs.rows());
        rows.addAll(NnSpecs.rows());
        return rows;
    }
}
