package io.dossierpulse.support;

import io.dossierpulse.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One node of a real multi-broker KRaft cluster as its own process, so that a test can kill it with
 * SIGKILL and start it again on its directory. {@link #main} is the child's entry point.
 */
public final class BrokerNode implements AutoCloseable {

    private final Process process;

    private BrokerNode(Process process) {
        this.process = process;
    }

    /** Starts node {@code nodeId} (1-based) of the cluster on these ports; returns once it is listening. */
    public static BrokerNode start(Path dataDir, int nodeId, int[] ports, int[] controllerPorts, String clusterId)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), BrokerNode.class.getName(), dataDir.toString(),
                Integer.toString(nodeId), join(ports), join(controllerPorts), clusterId));
        Path log = dataDir.resolve("node.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BrokerNode node = new BrokerNode(p);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            if (!p.isAlive()) {
                throw new IllegalStateException("broker node " + nodeId + " exited; see " + log);
            }
            if (Files.readString(log).contains("BROKER-NODE-STARTED " + nodeId)) {
                return node;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("broker node " + nodeId + " did not start; see " + log);
    }

    private static String join(int[] ports) {
        return Arrays.stream(ports).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static int[] split(String s) {
        return Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws Exception {
        int nodeId = Integer.parseInt(args[1]);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]), "127.0.0.1", nodeId, split(args[2]),
                split(args[3]), args[4]);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }));
        System.out.println("BROKER-NODE-STARTED " + nodeId);
        stopped.await();
    }
}
