package io.dossierpulse.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The exception handlers as the service configures them (read from application.properties), inside
 * Kafka Streams' own task machinery: what still throws is dead-lettered and the partition goes on.
 */
class ExceptionHandlersTest {

    private static final String DLQ = TopologySettings.defaults().dlqTopic();

    /** The service's handler settings, expressions resolved, as Quarkus hands them to Kafka Streams. */
    private static Properties serviceHandlerSettings() throws Exception {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(new PropertiesConfigSource(
                ExceptionHandlersTest.class.getResource("/application.properties"), 250)).build();
        Properties p = new Properties();
        for (String key : List.of(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)) {
            p.put(key, config.getValue("kafka-streams." + key, String.class));
        }
        return p;
    }

    /** Throws on "boom" (and fencing on "fenced"), forwards anything else; its punctuation throws. */
    private static final class Fragile implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;

        @Override
        public void init(ProcessorContext<String, String> ctx) {
            context = ctx;
            ctx.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, t -> {
                throw new IllegalStateException("punctuation broke");
            });
        }

        @Override
        public void process(Record<String, String> r) {
            switch (r.value()) {
                case "boom" -> throw new IllegalStateException("cannot process boom");
                case "fenced" -> throw new ProducerFencedException("fenced");
                default -> context.forward(r);
            }
        }
    }

    private static TopologyTestDriver driver() throws Exception {
        Topology t = new Topology();
        t.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        t.addProcessor("fragile", Fragile::new, "in");
        t.addSink("out", "out", new StringSerializer(), new StringSerializer(), "fragile");
        Properties p = serviceHandlerSettings();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "handlers-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("handlers-test").toString());
        return new TopologyTestDriver(t, p);
    }

    @Test
    void aRecordWhoseProcessingThrowsIsDeadLetteredAndThePartitionGoesOn() throws Exception {
        long before = HandledFailures.PROCESSING_DEAD_LETTERED.total();
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, String> in = d.createInputTopic("in", new StringSerializer(), new StringSerializer());
            TestOutputTopic<byte[], byte[]> dlq = d.createOutputTopic(DLQ, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            TestOutputTopic<String, String> out = d.createOutputTopic("out", new StringDeserializer(),
                    new StringDeserializer());
            in.pipeInput("K1", "fine");
            in.pipeInput("K2", "boom");
            in.pipeInput("K3", "fine again");
            assertEquals(List.of("fine", "fine again"), out.readValuesToList());
            TestRecord<byte[], byte[]> letter = dlq.readRecord();
            assertArrayEquals("boom".getBytes(StandardCharsets.UTF_8), letter.value());
            assertArrayEquals("K2".getBytes(StandardCharsets.UTF_8), letter.key());
            assertEquals("PROCESSING_ERROR", new String(letter.headers().lastHeader(DeadLetters.REASON).value(),
                    StandardCharsets.UTF_8));
            assertTrue(new String(letter.headers().lastHeader(DeadLetters.MESSAGE).value(), StandardCharsets.UTF_8)
                    .contains("cannot process boom"));
            assertTrue(dlq.isEmpty());
        }
        assertEquals(before + 1, HandledFailures.PROCESSING_DEAD_LETTERED.total());
    }

    @Test
    void aPunctuationThatThrowsDoesNotStopTheTask() throws Exception {
        long before = HandledFailures.PROCESSING_RESUMED.total();
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, String> in = d.createInputTopic("in", new StringSerializer(), new StringSerializer());
            TestOutputTopic<String, String> out = d.createOutputTopic("out", new StringDeserializer(),
                    new StringDeserializer());
            d.advanceWallClockTime(Duration.ofSeconds(3));
            in.pipeInput("K1", "after the failed punctuations");
            assertEquals(List.of("after the failed punctuations"), out.readValuesToList());
        }
        assertTrue(HandledFailures.PROCESSING_RESUMED.total() >= before + 1);
    }

    @Test
    void fencingReachesKafkaStreams() throws Exception {
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, String> in = d.createInputTopic("in", new StringSerializer(), new StringSerializer());
            assertThrows(RuntimeException.class, () -> in.pipeInput("K1", "fenced"));
        }
    }

    private static ErrorHandlerContext context() {
        return new DefaultErrorHandlerContext(null, "dossier.events", 2, 77L, new RecordHeaders(), "dossier-processor",
                new TaskId(0, 2), 0L, null, null);
    }

    private static ProductionExceptionHandler productionHandler() throws Exception {
        DeadLetterProductionHandler h = new DeadLetterProductionHandler();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, Object> configs = (Map) serviceHandlerSettings();
        h.configure(configs);
        return h;
    }

    @Test
    void aDeadLetterTheBrokerRefusesAsTooLargeGoesOutShorter() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REASON, "NOT_JSON".getBytes(StandardCharsets.UTF_8));
        headers.add("someone-elses", new byte[500_000]);
        byte[] value = new byte[900_000];
        ProducerRecord<byte[], byte[]> refused = new ProducerRecord<>(DLQ, null, 5L, "K".getBytes(StandardCharsets.UTF_8),
                value, headers);
        var response = productionHandler().handleError(context(), refused, new RecordTooLargeException("too large"));
        assertEquals(ProductionExceptionHandler.Result.RESUME, response.result());
        assertEquals(1, response.deadLetterQueueRecords().size());
        ProducerRecord<byte[], byte[]> shorter = response.deadLetterQueueRecords().get(0);
        assertEquals(DLQ, shorter.topic());
        assertEquals(DeadLetterProductionHandler.SHORT_LETTER_BYTES, shorter.value().length);
        assertEquals("true", new String(shorter.headers().lastHeader(DeadLetters.TRUNCATED).value(), StandardCharsets.UTF_8));
        assertEquals("900000", new String(shorter.headers().lastHeader(DeadLetters.ORIGINAL_BYTES).value(),
                StandardCharsets.UTF_8));
        assertEquals("NOT_JSON", new String(shorter.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8));
        assertEquals(null, shorter.headers().lastHeader("someone-elses"));
    }

    @Test
    void nothingElseIsDroppedSilently() throws Exception {
        ProductionExceptionHandler h = productionHandler();
        ProducerRecord<byte[], byte[]> announcement = new ProducerRecord<>("dossier.sla-events", new byte[1], new byte[1]);
        assertEquals(ProductionExceptionHandler.Result.FAIL,
                h.handleError(context(), announcement, new RecordTooLargeException("too large")).result());
        assertEquals(ProductionExceptionHandler.Result.FAIL,
                h.handleError(context(), announcement, new TopicAuthorizationException("denied")).result());
        assertEquals(ProductionExceptionHandler.Result.FAIL,
                h.handleError(context(), announcement, new ProducerFencedException("fenced")).result());
        assertEquals(ProductionExceptionHandler.Result.RETRY,
                h.handleError(context(), announcement, new TimeoutException("slow")).result());
    }
}
