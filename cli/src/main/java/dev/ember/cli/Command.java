package dev.ember.cli;

import java.io.PrintStream;
import java.util.Set;

/** One {@code ember} subcommand. */
public interface Command {
    /** The word typed after {@code ember}. */
    String name();

    /** One line for {@code ember --help}. */
    String summary();

    /** Full usage for {@code ember NAME --help}. */
    String usage();

    /** Options taking a value ({@code --out FILE}), without the dashes. */
    default Set<String> valuedOptions() {
        return Set.of();
    }

    /** Options without a value ({@code --strict}), without the dashes; {@code --help} is always known. */
    default Set<String> switches() {
        return Set.of();
    }

    /**
     * {@code true} when everything after the first positional argument belongs to it, unparsed
     * ({@code ember example NAME --epochs 2} passes {@code --epochs 2} to the example).
     */
    default boolean passesArgsAfterFirstPositional() {
        return false;
    }

    /** Runs with the arguments after the name; returns the process exit code. */
    int run(Args args, PrintStream out, PrintStream err) throws Exception;
}
