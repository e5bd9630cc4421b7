package io.dossierpulse.support;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service running as its own process (as in production), against a given broker.
 * Used by the multi-instance and crash tests.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** One admin token for the JVM's requests (valid two hours: longer than any test). */
    private static final java.util.function.Supplier<String> ADMIN = new java.util.function.Supplier<>() {
        private volatile String bearer;

        @Override
        public String get() {
            if (bearer == null) {
                bearer = TestTokens.bearer(io.dossierpulse.security.Roles.ADMIN);
            }
            return bearer;
        }
    };

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private ServiceProcess(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts an instance with its own HTTP port and state directory. */
    public static ServiceProcess start(String bootstrap, Path stateDir, Map<String, String> extra) throws IOException {
        return start(bootstrap, stateDir, KafkaBrokerResource.freePort(), extra);
    }

    /**
     * Starts an instance on a given HTTP port (a restarted instance keeps its port, hence its static
     * group membership); with no bootstrap it starts its own embedded broker, as the demo does.
     */
    public static ServiceProcess start(String bootstrap, Path stateDir, int port, Map<String, String> extra)
            throws IOException {
        String jar = System.getProperty("pulse.service.jar", "target/quarkus-app/quarkus-run.jar");
        int managementPort = KafkaBrokerResource.freePort();
        TestTokens.issuer(); // the key pair exists before the service reads its public half
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort,
                "-Dpulse.state-dir=" + stateDir, "-Dpulse.security.local-key-dir=" + TestTokens.KEY_DIR));
        if (bootstrap != null) {
            cmd.add("-Dkafka.bootstrap.servers=" + bootstrap);
        }
        extra.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar);
        Files.createDirectories(stateDir);
        Path log = stateDir.resolveSibling(stateDir.getFileName() + "-" + port + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ServiceProcess(p, port, managementPort, log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Sends a signal by name (STOP, CONT) as kill(1) does. */
    public void signal(String name) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited " + rc);
        }
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Duration.ofSeconds(10));
    }

    /** A GET with an admin token: these tests are about what is answered, not who may ask. */
    public HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(timeout)
                        .header("Authorization", ADMIN.get()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with an admin token. */
    public HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", ADMIN.get())
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request as it is (no token added). */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The Prometheus text, from the management interface. */
    public String metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/q/metrics")).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("metrics answered " + r.statusCode());
        }
        return r.body();
    }

    public int managementPort() {
        return managementPort;
    }

    /** Waits until /q/health/ready answers 200; fails with the process log when it does not. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited: " + tail());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("service not ready after " + timeout + " (threads in " + threadDump()
                + "): " + tail());
    }

    /** Where it hangs: the process's threads, next to its log, for the report of a test that failed. */
    private Path threadDump() {
        Path dump = log.resolveSibling(log.getFileName() + ".threads");
        try {
            new ProcessBuilder("jcmd", Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(dump.toFile()).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return null;
        }
        return dump;
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + timeout);
        }
        return process.exitValue();
    }

    /** Like kill -9: no shutdown hook runs, nothing is committed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
