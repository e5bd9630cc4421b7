package io.dossierpulse.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.support.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 100,000 inputs mutated from valid events, half posted over HTTP, half produced straight to the
 * input topic. No stream thread dies, and every input is accounted for: refused at the door with a
 * reason, or applied, dropped as a duplicate, or dead-lettered with a reason; the dead-letter topic
 * (read_committed) holds exactly the dead letters counted.
 */
@Tag("faults")
class FuzzIT {

    private static final int INPUTS = Integer.getInteger("faults.fuzz.inputs", 100_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyHostileInputIsAccountedFor() throws Exception {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        System.out.println("FuzzIT seed " + seed + " (replay with -Dfaults.seed=" + seed + ")");
        try (FaultRig rig = new FaultRig("fuzz").with("pulse.intake.hold-timeout", "5S").startBroker()
                .createTopics((short) 1)) {
            rig.start(0);
            ServiceProcess api = rig.instance(0);
            long t0 = System.nanoTime();
            int[] http = new int[2]; // accepted, refused
            Map<String, Integer> kinds = new TreeMap<>();
            Thread overHttp = new Thread(() -> {
                try {
                    postAll(api, new FuzzInputs(seed, "FZH", 20_000, false), INPUTS / 2, http, kinds);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            overHttp.start();
            int direct = produceAll(rig.bootstrap(), new FuzzInputs(seed + 1, "FZK", 1_200_000, true), INPUTS - INPUTS / 2,
                    kinds);
            overHttp.join();
            assertEquals(INPUTS / 2, http[0] + http[1], "every line posted got an answer");
            long intoTheStream = (long) direct + http[0];

            // Applied + duplicates + dead-lettered must reach what went into the topic, and stay there.
            long[] tally = awaitTally(api, intoTheStream, Duration.ofMinutes(4));
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            long deadLetters = countDeadLetters(rig.bootstrap(), tally[2]);
            System.out.printf("FuzzIT inputs %d: http accepted %d, refused %d; direct %d; applied %d, duplicates %d,"
                    + " dead-lettered %d (topic %d); kinds %s%n", INPUTS, http[0], http[1], direct, tally[0], tally[1],
                    tally[2], deadLetters, kinds);
            assertEquals(intoTheStream, tally[0] + tally[1] + tally[2], "applied + duplicate + dead-lettered");
            assertEquals(tally[2], deadLetters, "dead letters on the topic (read_committed)");
            assertEquals(200, api.get("/q/health/ready").statusCode(), "still ready");
            String log = Files.readString(api.log());
            assertFalse(log.contains("PENDING_ERROR") || log.contains("Replacing thread")
                    || log.contains("StreamsUncaughtExceptionHandler"), "no stream thread died; see " + api.log());
            FaultRig.report("fuzz: " + INPUTS + " mutated inputs, half HTTP, half straight to the topic (seed " + seed
                    + ")", 1, INPUTS, "all accounted for: " + http[1] + " refused at the door, " + tally[0] + " applied, "
                    + tally[1] + " duplicates, " + tally[2] + " dead-lettered", "no restart; " + elapsed + " ms in all");
        }
    }

    /** Posts NDJSON requests of at most 60 KiB; counts each line's answer. */
    private static void postAll(ServiceProcess api, FuzzInputs inputs, int count, int[] http, Map<String, Integer> kinds)
            throws Exception {
        List<FuzzInputs.Input> all = new ArrayList<>();
        while (all.size() < count) {
            for (FuzzInputs.Input in : inputs.next(1)) {
                all.add(in);
                FuzzInputs.Input late = inputs.takeReordered();
                if (late != null && all.size() < count) {
                    all.add(late);
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int lines = 0;
        for (int i = 0; i < all.size(); i++) {
            FuzzInputs.Input in = all.get(i);
            synchronized (kinds) {
                kinds.merge(in.kind(), 1, Integer::sum);
            }
            // A line's own newline would split it: the bytes flipped may contain one.
            byte[] line = in.value().clone();
            for (int b = 0; b < line.length; b++) {
                if (line[b] == '\n' || line[b] == '\r') {
                    line[b] = ' ';
                }
            }
            if (body.size() + line.length + 1 > 60 * 1024 && lines > 0) {
                post(api, body.toByteArray(), lines, http);
                body.reset();
                lines = 0;
            }
            body.write(line);
            body.write('\n');
            lines++;
        }
        if (lines > 0) {
            post(api, body.toByteArray(), lines, http);
        }
    }

    private static void post(ServiceProcess api, byte[] body, int lines, int[] http) throws Exception {
        while (true) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api.url("/api/events")))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-ndjson")
                    .header("Authorization", io.dossierpulse.support.TestTokens.bearer(io.dossierpulse.security.Roles.INGEST))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 503) {
                Thread.sleep(200);
                continue;
            }
            assertEquals(200, r.statusCode(), r.body());
            JsonNode a = JSON.readTree(r.body());
            assertEquals(lines, a.get("accepted").asInt() + a.get("rejected").asInt(), r.body());
            synchronized (http) {
                http[0] += a.get("accepted").asInt();
                http[1] += a.get("rejected").asInt();
            }
            return;
        }
    }

    private static int produceAll(String bootstrap, FuzzInputs inputs, int count, Map<String, Integer> kinds)
            throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip"); // huge values are repetitive: they fit compressed
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(8 * 1024 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Integer.toString(64 * 1024 * 1024));
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            while (sent < count) {
                for (FuzzInputs.Input in : inputs.next(1)) {
                    send(producer, in, kinds);
                    sent++;
                    FuzzInputs.Input late = inputs.takeReordered();
                    if (late != null && sent < count) {
                        send(producer, late, kinds);
                        sent++;
                    }
                }
            }
            producer.flush();
        }
        return sent;
    }

    private static void send(KafkaProducer<String, byte[]> producer, FuzzInputs.Input in, Map<String, Integer> kinds)
            throws Exception {
        synchronized (kinds) {
            kinds.merge(in.kind(), 1, Integer::sum);
        }
        // Each send acknowledged: an input the broker refused would not be the service's to account for.
        producer.send(new ProducerRecord<>("dossier.events", in.key(), in.value()), (md, e) -> {
            if (e != null) {
                throw new IllegalStateException("the broker refused a fuzz input", e);
            }
        });
    }

    /** {applied, duplicates, dead-lettered} from the service's metrics once they reach the target and hold. */
    private static long[] awaitTally(ServiceProcess api, long target, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        long[] t = new long[3];
        while (System.nanoTime() < until) {
            t = tally(api);
            if (t[0] + t[1] + t[2] >= target) {
                Thread.sleep(8_000); // a hold times out in 5 s: anything counted twice shows now
                return tally(api);
            }
            Thread.sleep(1_000);
        }
        return t;
    }

    private static long[] tally(ServiceProcess api) throws Exception {
        long[] t = new long[3];
        for (String line : api.metrics().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int at = line.lastIndexOf(' ');
            if (at < 0) {
                continue;
            }
            long v = (long) Double.parseDouble(line.substring(at + 1));
            if (line.startsWith("pulse_events_applied_total")) {
                t[0] += v;
            } else if (line.startsWith("pulse_events_duplicates_total")) {
                t[1] += v;
            } else if (line.startsWith("pulse_events_rejected_total")) {
                t[2] += v;
            }
        }
        return t;
    }

    private static long countDeadLetters(String bootstrap, long expected) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "fuzz-dlq-" + System.nanoTime());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(2 * 1024 * 1024));
        long n = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("dossier.events.dlq"));
            long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < until && System.nanoTime() < quietUntil) {
                n += consumer.poll(Duration.ofMillis(300)).count();
                if (n >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return n;
    }
}
