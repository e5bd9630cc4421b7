package io.dossierpulse.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

/**
 * The operator-facing manifests say what the sources of truth say: the PrometheusRule holds
 * alerts.yml's groups, the Strimzi KafkaUser exactly the ACLs of docs/security.md (which KafkaAclIT
 * proves enough), and the PodMonitor scrapes a port the pods declare.
 */
class KubernetesResourcesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode read(String path) throws Exception {
        return YAML.readTree(Path.of(path).toFile());
    }

    @Test
    void thePrometheusRuleHoldsTheAlertRulesAsTheyAre() throws Exception {
        assertEquals(read("grafana/prometheus/alerts.yml").get("groups"),
                read("k8s/monitoring/prometheusrule.yaml").at("/spec/groups"),
                "copy alerts.yml's groups into k8s/monitoring/prometheusrule.yaml");
    }

    @Test
    void theStrimziUserHasExactlyTheDocumentedAcls() throws Exception {
        Set<String> documented = new HashSet<>();
        for (AclBinding b : KafkaAclIT.documentedAcls("User:dossier-pulse")) {
            documented.add(b.pattern().resourceType() + "|" + b.pattern().name() + "|" + b.pattern().patternType() + "|"
                    + b.entry().operation());
        }
        Set<String> strimzi = new HashSet<>();
        for (JsonNode acl : read("k8s/strimzi/kafkauser.yaml").at("/spec/authorization/acls")) {
            JsonNode r = acl.get("resource");
            String type = r.get("type").asText().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            for (JsonNode op : acl.get("operations")) {
                strimzi.add(type + "|" + r.get("name").asText() + "|" + strimziPattern(r.get("patternType").asText())
                        + "|" + op.asText().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
            }
        }
        assertEquals(documented, strimzi);
    }

    /** Strimzi spells Kafka's PREFIXED pattern "prefix" (its schema allows literal and prefix only). */
    private static String strimziPattern(String p) {
        return switch (p) {
            case "literal" -> "LITERAL";
            case "prefix" -> "PREFIXED";
            default -> "not a Strimzi pattern type: " + p;
        };
    }

    @Test
    void theDashboardsConfigMapHoldsTheDashboardsAsTheyAre() throws Exception {
        JsonNode data = read("k8s/monitoring/grafana-dashboards.yaml").get("data");
        ObjectMapper json = new ObjectMapper();
        Set<String> files = new HashSet<>();
        try (var dir = java.nio.file.Files.list(Path.of("grafana", "dashboards"))) {
            for (Path f : dir.filter(p -> p.toString().endsWith(".json")).toList()) {
                String name = f.getFileName().toString();
                files.add(name);
                assertTrue(data.has(name), "missing from the ConfigMap: " + name);
                assertEquals(json.readTree(f.toFile()), json.readTree(data.get(name).asText()), name);
            }
        }
        Set<String> keys = new HashSet<>();
        data.fieldNames().forEachRemaining(keys::add);
        assertEquals(files, keys);
    }

    @Test
    void thePodMonitorScrapesThePortThePodsDeclare() throws Exception {
        JsonNode monitor = read("k8s/monitoring/podmonitor.yaml");
        String port = monitor.at("/spec/podMetricsEndpoints/0/port").asText();
        JsonNode set = read("k8s/base/statefulset.yaml");
        List<String> ports = StreamSupport.stream(set.at("/spec/template/spec/containers/0/ports").spliterator(), false)
                .map(p -> p.get("name").asText()).toList();
        assertTrue(ports.contains(port), port + " not in " + ports);
        assertEquals("/q/metrics", monitor.at("/spec/podMetricsEndpoints/0/path").asText());
    }
}
