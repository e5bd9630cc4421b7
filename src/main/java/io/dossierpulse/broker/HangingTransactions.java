package io.dossierpulse.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Aborts the transactions an unclean stop of the embedded broker left open on a partition without
 * its transaction coordinator knowing of them ("hanging" transactions, as {@code kafka-transactions.sh
 * find-hanging} calls them). Seen after the demo was killed with its broker: a transactional offset
 * commit of the last transaction was in {@code __consumer_offsets} with no marker after it, the
 * coordinator's record of the transaction without that partition; the group's committed offsets then
 * stayed unstable and Kafka Streams timed out fetching them forever (docs/reliability.md). Run once
 * after the broker starts and before any client of this process produces, so every open transaction
 * found is left over from before the stop; one the coordinator still lists on that partition is left
 * to it (it writes the markers itself). Only where the broker and its only clients share the process
 * (the demo): with other clients live, a transaction between two snapshots could look hanging.
 */
public final class HangingTransactions {

    private static final Logger LOG = Logger.getLogger(HangingTransactions.class);
    private static final long TIMEOUT_SECONDS = 60;

    /** One open transaction on a partition: the producer and where its data starts. */
    record Open(TopicPartition partition, long producerId, int producerEpoch, int coordinatorEpoch, long startOffset) {
    }

    private HangingTransactions() {
    }

    /**
     * The open transactions of {@code open} that no coordinator's ongoing transaction covers:
     * {@code ongoing} maps a producer id to the partitions its coordinator lists for it.
     */
    static List<Open> hanging(List<Open> open, Map<Long, Set<TopicPartition>> ongoing) {
        List<Open> out = new ArrayList<>();
        for (Open o : open) {
            Set<TopicPartition> known = ongoing.get(o.producerId());
            if (known == null || !known.contains(o.partition())) {
                out.add(o);
            }
        }
        return out;
    }

    /** Finds and aborts them; returns how many were aborted. */
    public static int abortAll(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .values()) {
                d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
            }
            List<Open> open = new ArrayList<>();
            admin.describeProducers(partitions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((tp, r) -> {
                for (ProducerState p : r.activeProducers()) {
                    if (p.currentTransactionStartOffset().isPresent()) {
                        open.add(new Open(tp, p.producerId(), p.producerEpoch(), p.coordinatorEpoch().orElse(-1),
                                p.currentTransactionStartOffset().getAsLong()));
                    }
                }
            });
            if (open.isEmpty()) {
                return 0;
            }
            Map<Long, Set<TopicPartition>> ongoing = new HashMap<>();
            List<String> ids = admin.listTransactions().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId).toList();
            for (TransactionDescription t : admin.describeTransactions(ids).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .values()) {
                if (t.state() != TransactionState.EMPTY && t.state() != TransactionState.COMPLETE_COMMIT
                        && t.state() != TransactionState.COMPLETE_ABORT) {
                    ongoing.computeIfAbsent(t.producerId(), k -> new HashSet<>()).addAll(t.topicPartitions());
                }
            }
            int aborted = 0;
            for (Open h : hanging(open, ongoing)) {
                LOG.warnf("Aborting a transaction left open on %s by an unclean stop (producer %d, epoch %d, from offset %d)",
                        h.partition(), h.producerId(), h.producerEpoch(), h.startOffset());
                admin.abortTransaction(new AbortTransactionSpec(h.partition(), h.producerId(), (short) h.producerEpoch(),
                        h.coordinatorEpoch())).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                aborted++;
            }
            return aborted;
        }
    }
}
