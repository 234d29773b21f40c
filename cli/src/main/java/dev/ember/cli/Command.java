package dev.ember.cli;

import java.io.PrintStream;

/** One {@code ember} subcommand. */
public interface Command {
    /** The word typed after {@code ember}. */
    String name();

    /** One line for {@code ember --help}. */
    String summary();

    /** Full usage for {@code ember NAME --help}. */
    String usage();

    /** Runs with the arguments after the name; returns the process exit code. */
    int run(Args args, PrintStream out, PrintStream err) throws Exception;
}
