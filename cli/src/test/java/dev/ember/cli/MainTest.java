package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsExactlyTheWorkingCommands() {
        assertThat(run("--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        for (Command c : Main.COMMANDS) {
            assertThat(help).contains(c.name());
        }
        assertThat(Main.COMMANDS).extracting(Command::name).containsExactly("demo", "migrate", "example", "import-checkpoint",
                "convert-graph", "parity", "bench", "info");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'");
    }

    @Test
    void unknownExampleNamesTheKnownOnes() {
        assertThat(run("example", "nope")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown example 'nope'").contains("exercise1");
    }

    @Test
    void unknownOptionIsNamed() {
        assertThat(run("example", "--frob")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --frob");
    }

    @Test
    void exerciseOneRunsThroughTheCli() {
        // Examples are plain programs printing to System.out.
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("example", "exercise1")).isZero();
        } finally {
            System.setOut(old);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("7776.0").contains("PowBackward1");
    }

    @Test
    void benchRefusesAnUnknownWorkloadNamingTheKnownOnes() {
        assertThat(run("bench", "--only", "W9")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown workload 'W9'").contains("W1, W2");
    }

    @Test
    void benchRefusesZeroIterations() {
        assertThat(run("bench", "--profile", "--iters", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("iters must be >= 1, got 0");
        assertThat(run("bench", "--iters", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("iters must be >= 1");
    }

    @Test
    void examplesAreListedAndGetTheArgumentsAfterTheirName() {
        assertThat(run("example", "--list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("exercise1", "classic-lab", "fashion-mnist");

        // Options after NAME go to the example unparsed: --help is the example's, --epochs too.
        PrintStream old = System.out;
        ByteArrayOutputStream programOut = new ByteArrayOutputStream();
        System.setOut(new PrintStream(programOut, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("example", "classic-lab", "--help")).isZero();
            assertThat(run("example", "fashion-mnist", "--help")).isZero();
        } finally {
            System.setOut(old);
        }
        assertThat(programOut.toString(StandardCharsets.UTF_8))
                .contains("usage: ember example classic-lab [--epochs N]", "usage: ember example fashion-mnist [--epochs N]");
        assertThat(run("example", "classic-lab", "--epochs", "two")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("option --epochs expects an integer, got 'two'");
    }

    @Test
    void infoNamesTheBackend() {
        assertThat(run("info")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("engine backend: nd4j-native");
    }
}
