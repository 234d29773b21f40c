package dev.ember.migrate;

/** How far a migration goes. */
public enum Level {
    /** Imports and types to tfcompat: the program runs on the engine unchanged. Always compiles. */
    COMPAT,
    /** The idioms a PyTorch user writes: methods instead of run sites, modules, backward(), step(). */
    EAGER;

    /** Parses {@code compat} / {@code eager}. */
    public static Level parse(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "compat": return COMPAT;
            case "eager": return EAGER;
            default: throw new IllegalArgumentException("--level must be compat or eager, got '" + s + "'");
        }
    }
}
