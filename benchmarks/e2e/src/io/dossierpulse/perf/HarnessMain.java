package io.dossierpulse.perf;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** What the harness's entry points share: quiet logs, the usage on bad options, the exit status. */
public final class HarnessMain {

    /** Reads the options; an IllegalArgumentException means bad options (an empty message: help). */
    interface Options<O> {
        O parse(String[] args);
    }

    interface Benchmark<O> {
        void run(O options, PrintStream out) throws Exception;
    }

    /** Held so that the level set here is not lost when the logger is collected. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private HarnessMain() {
    }

    /** Runs a benchmark and exits: 0 when it finished, 1 when it failed, 2 on bad options. */
    static <O> void run(String name, String[] args, Options<O> options, String usage, Benchmark<O> benchmark) {
        quietLogs();
        O o;
        try {
            o = options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(usage);
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            benchmark.run(o, System.out);
        } catch (Exception e) {
            System.out.flush();
            System.err.println("the " + name + " failed:");
            e.printStackTrace();
            status = 1;
        }
        // Exit explicitly: client and broker threads that are not daemons must not keep the JVM up, and
        // the exit runs the hooks that kill any child process left.
        System.exit(status);
    }

    /** Deletes a directory and all below it; nothing to do when it is already gone. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A free port on the loopback interface, so that a service on its usual ports (9092, 8080) is left alone. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The broker and the clients log at WARNING: the benchmark's own lines are the output. */
    private static void quietLogs() {
        for (String name : List.of("", "org.apache.kafka", "kafka", "state.change.logger", "org.rocksdb",
                "io.dossierpulse")) {
            Logger l = Logger.getLogger(name);
            l.setLevel(Level.WARNING);
            QUIETED.add(l);
        }
    }
}
