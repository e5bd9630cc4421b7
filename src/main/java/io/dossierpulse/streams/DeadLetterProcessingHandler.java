package io.dossierpulse.streams;

import io.dossierpulse.contract.RejectReason;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * The backstop behind {@link DossierProcessor}'s own handling: a record whose processing still threw
 * goes to the dead-letter topic (reason {@code PROCESSING_ERROR}, in the same transaction) and the
 * partition goes on; a punctuation that threw is logged and the next one runs. Only Kafka's own
 * fencing and migration failures fail, as Kafka Streams must see them to revive the task.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = Logger.getLogger(DeadLetterProcessingHandler.class);

    private String deadLetterTopic;
    private int maxRequestBytes;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? TopologySettings.defaults().dlqTopic() : topic.toString();
        maxRequestBytes = DeadLetters.maxRequestBytes(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (KafkaFailures.mustPropagate(exception)) {
            HandledFailures.PROCESSING_FAILED.count();
            return Response.fail();
        }
        if (context.topic() == null || context.sourceRawValue() == null) {
            LOG.errorf(exception, "Punctuation of task %s failed in %s; the next one runs as scheduled",
                    context.taskId(), context.processorNodeId());
            HandledFailures.PROCESSING_RESUMED.count();
            return Response.resume();
        }
        LOG.errorf(exception, "Processing %s-%d@%d failed in %s; dead-lettered", context.topic(), context.partition(),
                context.offset(), context.processorNodeId());
        DeadLetters.Letter letter = DeadLetters.letter(context.sourceRawKey(), context.sourceRawValue(),
                context.headers(), RejectReason.PROCESSING_ERROR, exception.toString(), context.topic(),
                context.partition(), context.offset(), System.currentTimeMillis(), maxRequestBytes);
        HandledFailures.PROCESSING_DEAD_LETTERED.count();
        return Response.resume(List.of(new ProducerRecord<>(deadLetterTopic, null, context.timestamp(), letter.key(),
                letter.value(), letter.headers())));
    }
}
