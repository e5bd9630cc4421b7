package io.dossierpulse.perf.stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** What the harness asks the embedded broker through an Admin client: partitions, offsets, sizes. */
public final class Topics {

    /** The embedded broker's node id. */
    private static final int BROKER = 1;
    private static final long TIMEOUT_SECONDS = 30;

    private Topics() {
    }

    public static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
        return d.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** The sum of the partitions' end offsets. */
    public static long endOffsets(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        return offsetSum(admin, latest);
    }

    public static long offsetSum(Admin admin, Map<TopicPartition, OffsetSpec> spec) throws Exception {
        return admin.listOffsets(spec).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    /** Turns a topic's time-based retention off ({@code retention.ms=-1}) and waits until the broker has it. */
    public static void keepForever(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        String seen = null;
        while (System.nanoTime() < deadline) {
            try {
                admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET))))
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                ConfigEntry e = admin.describeConfigs(List.of(resource)).all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource).get(TopicConfig.RETENTION_MS_CONFIG);
                seen = e == null ? null : e.value();
                if ("-1".equals(seen)) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // A topic just created may not be known to every part of the broker yet.
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(topic + ": retention.ms is still " + seen + " " + TIMEOUT_SECONDS
                + " s after it was set to -1");
    }

    /** Bytes on disk per topic (all partitions). */
    public static Map<String, Long> sizes(Admin admin) throws Exception {
        Map<String, Long> sizes = new TreeMap<>();
        Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(List.of(BROKER))
                .allDescriptions().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (LogDirDescription dir : dirs.getOrDefault(BROKER, Map.of()).values()) {
            for (Map.Entry<TopicPartition, ReplicaInfo> e : dir.replicaInfos().entrySet()) {
                sizes.merge(e.getKey().topic(), e.getValue().size(), Long::sum);
            }
        }
        return sizes;
    }

    /** The sum of a group's committed offsets over the input partitions. */
    static long committed(Admin admin, String group, List<TopicPartition> input) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long sum = 0;
        for (TopicPartition tp : input) {
            OffsetAndMetadata o = offsets.get(tp);
            sum += o == null ? 0 : o.offset();
        }
        return sum;
    }

    /** An application's internal topics (changelogs, repartition topics): their names start with its id. */
    static void deleteInternal(Admin admin, String applicationId) throws Exception {
        List<String> internal = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(applicationId + "-")).toList();
        if (!internal.isEmpty()) {
            admin.deleteTopics(internal).all().get(60, TimeUnit.SECONDS);
        }
    }
}
