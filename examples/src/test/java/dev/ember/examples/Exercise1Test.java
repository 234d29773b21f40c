package dev.ember.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the foundation issue's acceptance program, verbatim, and checks what it prints. */
class Exercise1Test {

    @Test
    void printsTheExpectedValues() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Class.forName("Exercise1").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(old);
        }
        String[] lines = buf.toString(StandardCharsets.UTF_8).trim().split("\\R");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("7776.0");
        assertThat(Double.parseDouble(lines[1])).isCloseTo(33372.72, within(0.01));
        assertThat(Double.parseDouble(lines[2])).isCloseTo(26892.72, within(0.01));
        assertThat(lines[3]).isEqualTo("PowBackward1");
        assertThat(lines[4]).isEqualTo("2");
    }
}
