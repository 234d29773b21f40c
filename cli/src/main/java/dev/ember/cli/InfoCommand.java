package dev.ember.cli;

import dev.ember.engine.Ember;
import java.io.PrintStream;

/** {@code ember info}: versions, the engine backend and its native build, threads. */
final class InfoCommand implements Command {
    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "print versions, the engine backend, its native build and thread count";
    }

    @Override
    public String usage() {
        return "usage: ember info\n";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        out.println("ember " + Main.version());
        out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        out.println("engine backend: " + Ember.backendInfo());
        out.println("OPENBLAS_THREAD_TIMEOUT=" + System.getenv().getOrDefault("OPENBLAS_THREAD_TIMEOUT", "(unset)"));
        return 0;
    }
}
