package dev.ember.engine.ops;

import java.util.List;

/** Rows for {@code ops/nn}. */
final class NnSpecs {
    private NnSpecs() {
    }

    static List<OpSpec> rows() {
        return List.of();
    }
}
