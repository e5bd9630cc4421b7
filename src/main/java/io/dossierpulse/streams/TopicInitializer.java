package io.dossierpulse.streams;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the input and dead-letter topics when they are missing, before Kafka Streams (which
 * waits for them) starts. Existing topics are never altered. Created topics get
 * {@code min.insync.replicas} by {@link #minInsyncReplicas}.
 */
@ApplicationScoped
public class TopicInitializer {

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers")
    String bootstrapServers;

    /** Runs before the other start-up observers: the feeders and followers need the topics. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent ev, PulseConfig config)
            throws InterruptedException {
        if (config.topics().create()) {
            short rf = config.topics().replicationFactor();
            ensureTopics(bootstrapServers, config.topics().partitions(), rf,
                    minInsyncReplicas(rf, config.topics().minInsyncReplicas()),
                    config.topologySettings().topics());
        }
    }

    /**
     * The {@code min.insync.replicas} of the topics the service creates (its own and Kafka Streams'
     * internal ones): as configured, else 2 once there are 3 replicas or more (an acknowledged write
     * survives the loss of a broker), else 1.
     */
    public static int minInsyncReplicas(short replicationFactor, java.util.OptionalInt configured) {
        return configured.orElse(replicationFactor >= 3 ? 2 : 1);
    }

    public static void ensureTopics(String bootstrap, int partitions, short replication, List<String> names)
            throws InterruptedException {
        ensureTopics(bootstrap, partitions, replication, minInsyncReplicas(replication, java.util.OptionalInt.empty()),
                names);
    }

    public static void ensureTopics(String bootstrap, int partitions, short replication, int minInsync,
            List<String> names) throws InterruptedException {
        try (Admin admin = Admin.create(io.dossierpulse.app.KafkaClientSettings.forClient(bootstrap,
                "dossier-pulse-topics"))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            for (String name : names) {
                if (existing.contains(name)) {
                    continue;
                }
                try {
                    admin.createTopics(List.of(new NewTopic(name, partitions, replication)
                            .configs(Map.of("min.insync.replicas", Integer.toString(minInsync)))))
                            .all().get(60, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s with %d partitions, %d replicas, min.insync.replicas %d", name,
                            partitions, replication, minInsync);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                }
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrap + " to check topics", e);
        }
    }
}
