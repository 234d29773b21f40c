package dev.ember.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an example's {@code main} and returns what it printed on {@code System.out}. */
final class Run {
    /** An example's {@code main}. */
    interface Main {
        void main(String[] args) throws Exception;
    }

    private Run() {
    }

    static synchronized String main(Main program, String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            program.main(args);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        old.print(out);   // kept in the surefire report
        return out;
    }
}
