package io.dossierpulse.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/** Runs a command-line tool in this JVM and keeps what it prints to standard output. */
public final class Stdout {

    /** The printed text and the exit code. */
    public record Run(int exitCode, String text) {
    }

    private Stdout() {
    }

    public static synchronized Run of(IntSupplier command) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = command.getAsInt();
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
