package io.dossierpulse.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GeneratorCliTest {

    @Test
    void anUnknownOptionIsRefusedInsteadOfIgnored() {
        assertEquals(2, GeneratorCli.run("--evnts", "10"));
        assertEquals(2, GeneratorCli.run("--to", "printer"));
        assertEquals(2, GeneratorCli.run("--events", "-1"));
    }

    @Test
    void writesExactlyTheEventsAskedForToAFile() throws Exception {
        Path out = Files.createTempDirectory("generate").resolve("events.ndjson");
        assertEquals(0, GeneratorCli.run("--to", "file", "--out", out.toString(), "--events", "250", "--seed", "7"));
        assertEquals(250, Files.readAllLines(out).size());
        // Same seed, same events.
        Path again = out.resolveSibling("again.ndjson");
        assertEquals(0, GeneratorCli.run("--to", "file", "--out", again.toString(), "--events", "250", "--seed", "7"));
        assertEquals(Files.readString(out), Files.readString(again));
    }

    @Test
    void helpIsNotAnError() {
        assertEquals(0, GeneratorCli.run("--help"));
    }
}
