package io.dossierpulse.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class HangingTransactionsTest {

    private static final TopicPartition OFFSETS = new TopicPartition("__consumer_offsets", 43);
    private static final TopicPartition CHANGELOG = new TopicPartition("dossier-pulse-dossiers-changelog", 2);

    @Test
    void anOpenTransactionItsCoordinatorDoesNotListOnThePartitionIsHanging() {
        // The case seen: producer 0's offsets at epoch 6 with no marker; its coordinator's record empty.
        HangingTransactions.Open left = new HangingTransactions.Open(OFFSETS, 0, 6, 0, 44);
        HangingTransactions.Open live = new HangingTransactions.Open(CHANGELOG, 5, 2, 0, 100);
        HangingTransactions.Open elsewhere = new HangingTransactions.Open(OFFSETS, 5, 2, 0, 120);
        List<HangingTransactions.Open> hanging = HangingTransactions.hanging(List.of(left, live, elsewhere),
                Map.of(5L, Set.of(CHANGELOG)));
        assertEquals(List.of(left, elsewhere), hanging,
                "left over, and open on a partition the coordinator does not list for that producer");
        assertEquals(List.of(), HangingTransactions.hanging(List.of(live), Map.of(5L, Set.of(CHANGELOG))));
    }
}
