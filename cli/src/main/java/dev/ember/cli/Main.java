package dev.ember.cli;

import java.io.PrintStream;
import java.util.List;

/** Entry point of the {@code ember} command. */
public final class Main {
    /** Every subcommand; only ones that work are listed (DESIGN.md: the CLI never advertises stubs). */
    static final List<Command> COMMANDS = List.of(new DemoCommand(), new MigrateCommand(), new ExampleCommand(),
            new ImportCheckpointCommand(), new ConvertGraphCommand(), new ParityCommand(), new BenchCommand(), new InfoCommand());

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    /** Runs {@code argv}; returns the exit code (0 ok, 1 failure, 2 usage error). */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
            out.print(help());
            return argv.length == 0 ? 2 : 0;
        }
        if (argv[0].equals("--version")) {
            out.println("ember " + version());
            return 0;
        }
        Command cmd = COMMANDS.stream().filter(c -> c.name().equals(argv[0])).findFirst().orElse(null);
        if (cmd == null) {
            err.println("ember: unknown command '" + argv[0] + "'\n");
            err.print(help());
            return 2;
        }
        String[] rest = java.util.Arrays.copyOfRange(argv, 1, argv.length);
        try {
            Args args = Args.parse(rest, cmd.valuedOptions(), cmd.switches(), cmd.passesArgsAfterFirstPositional());
            if (args.has("help")) {
                out.print(cmd.usage());
                return 0;
            }
            return cmd.run(args, out, err);
        } catch (Args.UsageException e) {
            err.println("ember " + cmd.name() + ": " + e.getMessage() + "\n");
            err.print(cmd.usage());
            return 2;
        } catch (Exception e) {
            err.println("ember " + cmd.name() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("ember ").append(version()).append(" - TF-Java graph code to an eager autograd engine\n\n");
        sb.append("usage: ember COMMAND [OPTIONS]\n\ncommands:\n");
        int width = COMMANDS.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Command c : COMMANDS) {
            sb.append(String.format("  %-" + width + "s  %s%n", c.name(), c.summary()));
        }
        sb.append("\n'ember COMMAND --help' shows a command's options.\n");
        return sb.toString();
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
