package io.dossierpulse.streams;

import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.errors.TaskMigratedException;

/** Which failures belong to Kafka Streams rather than to the record being processed. */
final class KafkaFailures {

    private KafkaFailures() {
    }

    /**
     * Kafka's own fencing and task-migration failures end the transaction and must reach Kafka Streams,
     * which revives the task; anything else is one record's problem and is dead-lettered.
     */
    static boolean mustPropagate(Throwable e) {
        return e instanceof TaskMigratedException || e instanceof TaskCorruptedException
                || e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException;
    }
}
