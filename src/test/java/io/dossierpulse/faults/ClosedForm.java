package io.dossierpulse.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The checks every fault run ends with, against {@link FaultTraffic}'s closed form: the SLA events
 * read with read_committed (each expected one exactly once, nothing else), every dossier's final
 * state and every ward's counters as the API answers them.
 */
final class ClosedForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClosedForm() {
    }

    static void check(FaultTraffic traffic, String bootstrap, ServiceProcess api) throws Exception {
        slaEvents(traffic.slaEvents(), bootstrap, Duration.ofMinutes(4));
        dossiers(traffic, api);
        counters(traffic, api, Duration.ofMinutes(2));
    }

    /** Reads the SLA topic until the expected count (and 5 s more, for a duplicate to show), then compares. */
    static void slaEvents(Map<String, Integer> expected, String bootstrap, Duration timeout) throws Exception {
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> seen = new HashMap<>();
        int count = 0;
        long until = System.nanoTime() + timeout.toNanos();
        long quietUntil = Long.MAX_VALUE;
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "closed-form-" + System.nanoTime());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("dossier.sla-events"));
            while (System.nanoTime() < until && System.nanoTime() < quietUntil) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode e = JSON.readTree(r.value());
                    seen.merge(e.get("subject").asText() + ":" + e.at("/data/kind").asText(), 1, Integer::sum);
                    count++;
                }
                if (count >= total && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
            }
        }
        List<String> duplicated = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        seen.forEach((k, n) -> {
            if (n > 1 && duplicated.size() < 5) {
                duplicated.add(k + " x" + n);
            }
            if (!expected.containsKey(k) && unexpected.size() < 5) {
                unexpected.add(k);
            }
        });
        expected.keySet().stream().filter(k -> !seen.containsKey(k)).limit(5).forEach(missing::add);
        // The maps are large: the message says what differs, not the maps.
        org.junit.jupiter.api.Assertions.assertTrue(expected.equals(seen), "SLA events (read_committed): " + count
                + " read, " + total + " expected; duplicated " + duplicated + "; unexpected " + unexpected + "; missing "
                + missing);
    }

    /** Every dossier's status as any instance answers it. */
    static void dossiers(FaultTraffic traffic, ServiceProcess api) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> wrong = new ArrayList<>();
            for (int i = 0; i < traffic.dossiers(); i++) {
                int n = i;
                wrong.add(pool.submit(() -> {
                    HttpResponse<String> r = api.get("/api/dossiers/" + traffic.id(n));
                    if (r.statusCode() != 200) {
                        return traffic.id(n) + " answered " + r.statusCode();
                    }
                    int status = JSON.readTree(r.body()).get("status").asInt();
                    return status == traffic.finalStatus(n) ? null
                            : traffic.id(n) + " status " + status + ", expected " + traffic.finalStatus(n);
                }));
            }
            List<String> errors = new ArrayList<>();
            for (Future<String> f : wrong) {
                String e = f.get();
                if (e != null) {
                    errors.add(e);
                }
            }
            assertEquals(List.of(), errors.subList(0, Math.min(10, errors.size())),
                    errors.size() + " dossiers of " + traffic.dossiers() + " are wrong");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Each ward's and district's counters over the whole period, and the city's received count day by
     * day; the view is published asynchronously, so it is given time.
     */
    static void counters(FaultTraffic traffic, ServiceProcess api, Duration timeout) throws Exception {
        List<String> scopes = new ArrayList<>(FaultTraffic.WARDS);
        scopes.addAll(new TreeMap<>(FaultTraffic.ROLLUPS).keySet());
        for (String scope : scopes) {
            Map<String, Long> expected = traffic.counters(scope);
            Map<String, Long> actual = Map.of();
            long until = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < until) {
                actual = counters(api, scope);
                if (actual.equals(expected)) {
                    break;
                }
                Thread.sleep(500);
            }
            assertEquals(expected, actual, "counters of " + scope);
        }
        for (Map.Entry<java.time.LocalDate, Long> day : traffic.receivedPerDay().entrySet()) {
            HttpResponse<String> r = api.get("/api/stats/city?from=" + day.getKey() + "&to=" + day.getKey());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(day.getValue().longValue(), JSON.readTree(r.body()).get("received").asLong(),
                    "dossiers received city-wide on " + day.getKey());
        }
    }

    private static Map<String, Long> counters(ServiceProcess api, String ward) throws Exception {
        HttpResponse<String> r = api.get("/api/agencies/" + ward + "/stats?from=" + FaultTraffic.FIRST_DAY + "&to="
                + FaultTraffic.LAST_DAY);
        if (r.statusCode() != 200) {
            return Map.of("http", (long) r.statusCode());
        }
        JsonNode s = JSON.readTree(r.body());
        JsonNode counts = s.get("counts");
        Map<String, Long> c = new TreeMap<>();
        put(c, "received", s.get("received").asLong());
        put(c, "resolved", s.get("resolved").asLong());
        put(c, "open", s.get("open").asLong());
        put(c, "RECEIVED_ONLINE", counts.get("RECEIVED_ONLINE").asLong());
        put(c, "OPEN_OVERDUE", counts.get("OPEN_OVERDUE").asLong());
        put(c, "RESOLVED_LATE", counts.get("RESOLVED_LATE").asLong());
        put(c, "resolvedInTime", counts.get("RESOLVED_EARLY").asLong() + counts.get("RESOLVED_ON_TIME").asLong());
        return c;
    }

    private static void put(Map<String, Long> c, String name, long value) {
        if (value != 0) {
            c.put(name, value);
        }
    }
}
