package io.dossierpulse.streams;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.jboss.logging.Logger;

/**
 * What happens when the broker refuses a record the task produced. A dead letter refused as too
 * large (the topic's {@code max.message.bytes} below the producer's limit) goes out again cut to
 * {@link #SHORT_LETTER_BYTES}, marked truncated, and the partition goes on; a transient failure is
 * retried; anything else (an SLA event, a changelog record, an authorization failure) fails the task:
 * dropping it would lose an announcement or a count.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = Logger.getLogger(DeadLetterProductionHandler.class);
    static final int SHORT_LETTER_BYTES = 16 * 1024;

    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? TopologySettings.defaults().dlqTopic() : topic.toString();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (KafkaFailures.mustPropagate(exception)) {
            HandledFailures.PRODUCTION_FAILED.count();
            return Response.fail();
        }
        if (exception instanceof RetriableException) {
            HandledFailures.PRODUCTION_RETRIED.count();
            return Response.retry();
        }
        if (exception instanceof RecordTooLargeException && record != null && deadLetterTopic.equals(record.topic())) {
            LOG.warnf("The broker refused a dead letter of %s-%d@%d as too large; sent again cut to %d bytes",
                    context.topic(), context.partition(), context.offset(), SHORT_LETTER_BYTES);
            HandledFailures.PRODUCTION_DEAD_LETTERED.count();
            return Response.resume(List.of(shortened(record)));
        }
        LOG.errorf(exception, "Producing to %s failed; the task fails and restarts from its last commit",
                record == null ? "?" : record.topic());
        HandledFailures.PRODUCTION_FAILED.count();
        return Response.fail();
    }

    private static ProducerRecord<byte[], byte[]> shortened(ProducerRecord<byte[], byte[]> r) {
        RecordHeaders headers = new RecordHeaders();
        // Only the contract's headers: the original ones may be what is large.
        r.headers().forEach(h -> {
            if (h.key().startsWith("dlq.") && !h.key().equals(DeadLetters.TRUNCATED)
                    && !h.key().equals(DeadLetters.ORIGINAL_BYTES)) {
                headers.add(h);
            }
        });
        byte[] value = r.value() == null ? null : Arrays.copyOf(r.value(), Math.min(r.value().length, SHORT_LETTER_BYTES));
        byte[] key = r.key() == null ? null : Arrays.copyOf(r.key(), Math.min(r.key().length, DeadLetters.MAX_KEY_BYTES));
        var original = r.headers().lastHeader(DeadLetters.ORIGINAL_BYTES);
        headers.add(DeadLetters.TRUNCATED, "true".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetters.ORIGINAL_BYTES, original != null ? original.value()
                : Integer.toString(r.value() == null ? 0 : r.value().length).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(r.topic(), null, r.timestamp(), key, value, headers);
    }
}
