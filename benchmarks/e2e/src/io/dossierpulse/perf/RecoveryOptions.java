package io.dossierpulse.perf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of the recovery and memory benchmark.
 *
 * @param open           dossiers left open by the preload (two events each)
 * @param partitions     partitions of the input topic
 * @param seed           seed of the procedure, agency and channel draws
 * @param repo           the repository root: the CSV goes to its benchmarks/target
 * @param serviceJar     the packaged service to start as a child process
 * @param serviceJavaOpts JVM options of the child, production's by default
 * @param catchupTimeout how long the first start may take to apply the preload; 0 for the
 *                       default, 10 minutes or 2,000 events per second, whichever is longer
 * @param recoveryTimeoutSeconds how long a restart may take to serve again
 */
record RecoveryOptions(long open, int partitions, long seed, Path repo, Path serviceJar, List<String> serviceJavaOpts,
        long catchupTimeout, long recoveryTimeoutSeconds) {

    static final long DEFAULT_OPEN = 1_000_000L;

    /**
     * What the image and the Kubernetes manifests ship (Dockerfile.jvm, k8s/base/configmap.yaml), in a pod
     * limited to 3 GiB (k8s/base/statefulset.yaml). Outside a container the JVM would take 40% of the whole
     * machine's memory; MaxRAM makes it size the heap as it would inside that pod.
     */
    static final List<String> PRODUCTION_JAVA_OPTS = List.of("-XX:MaxRAM=3g", "-XX:MaxRAMPercentage=30",
            "-XX:+ExitOnOutOfMemoryError");

    static final String USAGE = """
            usage: benchmarks/run-recovery.sh [options]
              --open N              dossiers left open by the preload (default 1000000; 2_000_000, 500k
                                    and 10m are accepted); two events each, SUBMITTED then ACCEPTED
              --service-jar PATH    the packaged service (default <repo>/target/quarkus-app/quarkus-run.jar)
              --service-java-opts "OPTS"
                                    JVM options of the service instead of production's
                                    (default "-XX:MaxRAM=3g -XX:MaxRAMPercentage=30 -XX:+ExitOnOutOfMemoryError")
              --partitions P        partitions of the input topic (default 6, the service's default)
              --seed S              seed of the procedure, agency and channel draws (default 1)
              --catchup-timeout S   give up when the first start has not applied the preload after S seconds
                                    (default: 600, or events / 2000 if longer)
              --recovery-timeout S  give up when a restart does not serve after S seconds (default 900)
              --repo DIR            repository root (run-recovery.sh passes it)
            """;

    static RecoveryOptions parse(String[] args) {
        long open = DEFAULT_OPEN;
        int partitions = 6;
        long seed = 1;
        Path repo = Path.of(".");
        Path jar = null;
        List<String> javaOpts = PRODUCTION_JAVA_OPTS;
        long catchupTimeout = 0;
        long recoveryTimeout = 900;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--open" -> open = E2eOptions.count(value(args, ++i, a));
                case "--service-jar" -> jar = Path.of(value(args, ++i, a));
                case "--service-java-opts" -> javaOpts = Arrays.stream(value(args, ++i, a).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList();
                case "--partitions" -> partitions = Integer.parseInt(value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--catchup-timeout" -> catchupTimeout = Long.parseLong(value(args, ++i, a));
                case "--recovery-timeout" -> recoveryTimeout = Long.parseLong(value(args, ++i, a));
                case "--repo" -> repo = Path.of(value(args, ++i, a));
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (open < 1) {
            throw new IllegalArgumentException("--open must be positive");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be positive");
        }
        if (catchupTimeout < 0 || recoveryTimeout < 1) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (jar == null) {
            jar = repo.resolve("target/quarkus-app/quarkus-run.jar");
        }
        return new RecoveryOptions(open, partitions, seed, repo, jar.toAbsolutePath(), javaOpts, catchupTimeout,
                recoveryTimeout);
    }

    /** Events the preload writes: SUBMITTED and ACCEPTED per dossier. */
    long events() {
        return open * 2;
    }

    /** The first start's time limit, in seconds. */
    long catchupTimeoutSeconds() {
        return catchupTimeout > 0 ? catchupTimeout : Math.max(600, events() / 2_000);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
