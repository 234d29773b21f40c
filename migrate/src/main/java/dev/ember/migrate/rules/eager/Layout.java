package dev.ember.migrate.rules.eager;

/**
 * The physical layout of a translated value (abstract interpretation over a run site's slice): TF's
 * own order, channels-first (a TF NHWC activation held as NCHW for the engine's conv/pool ops), or
 * OIHW (a TF HWIO conv kernel held as the engine's conv weight).
 */
enum Layout {
    /** TF's logical order. */
    PLAIN,
    /** A rank-4 NHWC activation stored as NCHW. */
    CF,
    /** A rank-4 HWIO kernel stored as OIHW. */
    OIHW,
    /** Whatever the value has (only as a request). */
    ANY
}
