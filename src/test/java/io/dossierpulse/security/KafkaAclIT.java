package io.dossierpulse.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.support.SecureBroker;
import io.dossierpulse.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The packaged service against a broker that only speaks SASL_SSL (SCRAM-SHA-512) and allows nothing
 * without an ACL, its principal given exactly the ACLs docs/security.md lists: it starts, ingests over
 * HTTP, processes, and dead-letters (every client of it connected with the kafka.* settings). Without
 * the WRITE on the input topic, ingest says which authorization is missing.
 */
class KafkaAclIT {

    private static final String USER = "dossier-pulse";
    private static final String PASSWORD = "scram-secret-for-tests";

    /** The ACL table of docs/security.md, row by row: | TYPE | name | PATTERN | OP, OP | why |. */
    static List<AclBinding> documentedAcls(String principal) throws Exception {
        List<AclBinding> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs", "security.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || !line.startsWith("| `")) {
                continue;
            }
            String type = strip(cells[1]);
            if (!Arrays.stream(ResourceType.values()).map(Enum::name).toList().contains(type)) {
                continue;
            }
            ResourcePattern resource = new ResourcePattern(ResourceType.valueOf(type), strip(cells[2]),
                    PatternType.valueOf(strip(cells[3])));
            for (String op : cells[4].split(",")) {
                out.add(new AclBinding(resource, new AccessControlEntry(principal, "*",
                        AclOperation.valueOf(strip(op).toUpperCase(Locale.ROOT)), AclPermissionType.ALLOW)));
            }
        }
        assertFalse(out.isEmpty(), "docs/security.md lists no ACL");
        return out;
    }

    private static String strip(String cell) {
        return cell.trim().replace("`", "");
    }

    @Test
    void theDocumentedAclsAreEnoughAndIngestNamesAMissingOne() throws Exception {
        Path dir = Files.createTempDirectory("pulse-kafka-acl");
        try (SecureBroker broker = SecureBroker.start(dir.resolve("broker"))) {
            broker.addScramUser(USER, PASSWORD);
            broker.grant(documentedAcls("User:" + USER));
            Map<String, String> settings = new HashMap<>(broker.clientSettings(USER, PASSWORD));
            try (ServiceProcess service = ServiceProcess.start(broker.bootstrap(), dir.resolve("state"), settings)) {
                service.awaitReady(Duration.ofSeconds(120));
                // Two events for one dossier, then one that the lifecycle refuses (dead-lettered by Kafka Streams).
                HttpResponse<String> r = service.post("/api/events", "application/x-ndjson", String.join("\n",
                        event("acl-1", "ACL-1", 1, "SUBMITTED"), event("acl-2", "ACL-1", 2, "ACCEPTED"),
                        event("acl-3", "ACL-2", 1, "RESOLVED")) + "\n");
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("\"accepted\":3"), r.body());
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                String status = "";
                while (!status.contains("\"statusName\":\"ACCEPTED\"") && System.nanoTime() < until) {
                    status = service.get("/api/dossiers/ACL-1").body();
                    Thread.sleep(200);
                }
                assertTrue(status.contains("\"statusName\":\"ACCEPTED\""), status);
                assertEquals("ACL-2", deadLetterKey(broker), "the refused event is dead-lettered");
                assertFalse(service.log().toString().isEmpty());
                assertFalse(Files.readString(service.log()).contains("AuthorizationException"),
                        "an authorization was refused: " + service.log());
            }

            // Without WRITE on the input topic, ingest names what Kafka refused.
            broker.revoke(new AclBindingFilter(new ResourcePatternFilter(ResourceType.TOPIC, "dossier.events",
                    PatternType.LITERAL), new AccessControlEntryFilter("User:" + USER, null, AclOperation.WRITE,
                    AclPermissionType.ALLOW)));
            try (ServiceProcess service = ServiceProcess.start(broker.bootstrap(), dir.resolve("state"), settings)) {
                service.awaitReady(Duration.ofSeconds(120));
                HttpResponse<String> r = service.post("/api/events", "application/x-ndjson",
                        event("acl-4", "ACL-3", 1, "SUBMITTED") + "\n");
                assertEquals(503, r.statusCode(), r.body());
                assertTrue(r.body().contains("KAFKA_NOT_AUTHORIZED") && r.body().contains("dossier.events"), r.body());
            }
        }
    }

    private static String event(String eventId, String dossierId, int seq, String type) {
        return "{\"eventId\":\"" + eventId + "\",\"dossierId\":\"" + dossierId + "\",\"seq\":" + seq + ",\"type\":\""
                + type + "\",\"occurredAt\":\"2025-03-12T09:0" + seq + ":00+07:00\",\"agencyCode\":\"P-BD-PHUCXA\","
                + "\"procedureCode\":\"HT-301\",\"channel\":\"ONLINE\"}";
    }

    /** Reads the dead-letter topic as the operator (super user), read_committed. */
    private static String deadLetterKey(SecureBroker broker) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.operatorBootstrap());
        p.put("isolation.level", "read_committed");
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor("dossier.events.dlq").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    return r.key();
                }
            }
            return null;
        }
    }
}
