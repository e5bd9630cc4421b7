package io.dossierpulse.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/** Reads a reference-data file line by line for its parser. */
public final class DataFileLines {

    /** Receives one line and its 1-based number. */
    @FunctionalInterface
    public interface Handler {
        void line(int number, String line);
    }

    private DataFileLines() {
    }

    /** Reads a UTF-8 reference file shipped on the classpath with its parser, which receives the resource name. */
    public static <T> T loadResource(String resource, java.util.function.BiFunction<Reader, String, T> parser) {
        java.io.InputStream in = DataFileLines.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference data resource missing: " + resource);
        }
        try (Reader reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            return parser.apply(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + resource, e);
        }
    }

    /**
     * Feeds every line to the handler while {@code more} says so; a byte-order mark left by some
     * editors is dropped from the first line.
     *
     * @param what the file, for the error message, e.g. "agency file hanoi.psv"
     */
    public static void read(Reader reader, String what, BooleanSupplier more, Handler handler) {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        try {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null && more.getAsBoolean()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                handler.line(number, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + what, e);
        }
    }
}
