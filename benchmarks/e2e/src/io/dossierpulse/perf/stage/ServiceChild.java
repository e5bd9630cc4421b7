package io.dossierpulse.perf.stage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as its own process, as production runs it, against the benchmark's broker
 * (with {@code kafka.bootstrap.servers} set it starts no broker of its own). Output goes to a log
 * file. Every started child is tracked, so that a shutdown hook can kill whatever is still running
 * when the benchmark ends, fails or is interrupted.
 */
public final class ServiceChild {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final List<ServiceChild> STARTED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServiceChild::killAll, "service-child-reaper"));
    }

    /**
     * Log categories raised to INFO beyond the service's own settings: Kafka Streams' task and
     * restore messages (wiped state, changelog restores with their record counts) and the clients'
     * configurations (the consumers' session timeout, which a restart may wait for), the evidence of
     * what a restart did.
     * Only log levels change; nothing else in the service's configuration.
     */
    public static final List<String> LOG_OVERRIDES = List.of(
            "-Dquarkus.log.category.\"org.apache.kafka.streams.processor.internals\".level=INFO",
            "-Dquarkus.log.category.\"org.apache.kafka.common.config.AbstractConfig\".level=INFO");

    private final Process process;
    private final int port;
    private final int managementPort;
    private final String bearer;
    private final Path log;
    private final long startedNanos;

    private ServiceChild(Process process, int port, int managementPort, String bearer, Path log, long startedNanos) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.bearer = bearer;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * @param port the HTTP port; a restart keeps the instance's port, as a real restart does, and so its
     *             name in the consumer group (static membership)
     */
    public static ServiceChild start(Path jar, List<String> javaOpts, String bootstrap, Path stateDir, Path workDir,
            Path log, int port) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaOpts);
        cmd.add("-Dkafka.bootstrap.servers=" + bootstrap);
        cmd.add("-Dpulse.state-dir=" + stateDir.toAbsolutePath());
        cmd.add("-Dquarkus.http.port=" + port);
        int managementPort = io.dossierpulse.perf.HarnessMain.freePort();
        cmd.add("-Dquarkus.management.port=" + managementPort);
        // The harness is its own token issuer: a local key pair in the work directory, an admin token.
        Path keyDir = workDir.toAbsolutePath().resolve("jwt");
        io.dossierpulse.security.LocalSigningKey key = io.dossierpulse.security.LocalSigningKey.ensure(keyDir);
        cmd.add("-Dpulse.security.local-key-dir=" + keyDir);
        String bearer = "Bearer " + new io.dossierpulse.security.TokenIssuer(key,
                io.dossierpulse.app.LaunchSettings.require("mp.jwt.verify.issuer"),
                io.dossierpulse.app.LaunchSettings.require("mp.jwt.verify.audiences"))
                .token("benchmark-harness", java.util.Set.of(io.dossierpulse.security.Roles.ADMIN), Duration.ofDays(7));
        cmd.addAll(LOG_OVERRIDES);
        cmd.add("-jar");
        cmd.add(jar.toString());
        Files.createDirectories(workDir);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "# " + String.join(" ", cmd) + System.lineSeparator());
        long started = System.nanoTime();
        // The working directory holds nothing the service needs; it keeps stray relative paths out of the repo.
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServiceChild child = new ServiceChild(p, port, managementPort, bearer, log, started);
        synchronized (STARTED) {
            STARTED.add(child);
        }
        return child;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public int port() {
        return port;
    }

    long startedNanos() {
        return startedNanos;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** One GET (admin token) with a short timeout; null when nothing answers (not listening yet, or busy). */
    public HttpResponse<String> get(String path, Duration timeout) throws InterruptedException {
        return send(port, path, timeout);
    }

    /** One GET on the management interface (metrics); null when nothing answers. */
    public HttpResponse<String> getManagement(String path, Duration timeout) throws InterruptedException {
        return send(managementPort, path, timeout);
    }

    private HttpResponse<String> send(int toPort, String path, Duration timeout) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path)).timeout(timeout)
                    .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException notAnswering) {
            return null;
        }
    }

    /** SIGKILL, as kill -9: no shutdown hook, no commit, no checkpoint. Returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the service (pid " + pid() + ") survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM and a wait for the clean shutdown; SIGKILL if it takes too long. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The last lines of the log, for an error message. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void killAll() {
        synchronized (STARTED) {
            for (ServiceChild c : STARTED) {
                if (c.process.isAlive()) {
                    c.process.destroyForcibly();
                }
            }
        }
    }
}
