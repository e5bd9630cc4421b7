package io.dossierpulse.perf.report;

import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.indicators.TallyCodec;
import io.dossierpulse.streams.DossierTopology;
import io.dossierpulse.streams.TallySerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * What the full stage produced, reduced to a few figures two runs (or two versions of the service)
 * can be compared by: its SLA announcements and its final counters. Read after the stage, outside
 * its timed window.
 *
 * <ul>
 *   <li>SLA events: every record the stage added to the SLA topic, read_committed. Each is reduced to
 *       its (dossierId, kind, deadline); the checksum is the sum, modulo 2^64, of the 64-bit hashes of
 *       the distinct triples, so it ignores order and repeats. Repeats are counted apart.
 *   <li>Counters: the last value of every key in every partition of the counter store's changelog
 *       (each task's partial tally, decoded with the service's TallySerde, which rejects a corrupt one),
 *       summed per key over the partitions; each key and its summed tally (re-encoded with TallyCodec)
 *       are hashed in key order. Keys do not name their partition, so keeping one value per key would
 *       keep whichever partition happened to be read last.
 * </ul>
 *
 * The hash is the first 64 bits of SHA-256. A read that could not cover every record (a transaction
 * still open, records deleted by retention: see {@link CommittedRecords}) gives no figure: the part
 * is marked incomplete with its reason, never reported as a count of what happened to be read.
 */
public final class OutputChecksums {

    /**
     * @param slaChecksum and {@code countersChecksum}: 64-bit values, printed as 16 hex digits
     * @param slaAnnounced the SLA events the service's own meter counted, -1 when unknown
     * @param slaProblem why the SLA figures are missing, or null when they are complete
     * @param countersProblem why the counter figures are missing, or null when they are complete
     */
    public record Result(long slaEvents, long slaDuplicates, long slaChecksum, long counterKeys,
            long countersChecksum, long slaAnnounced, String slaProblem, String countersProblem) {

        /** What RESULT prints in place of a figure that could not be read completely. */
        public static final String INCOMPLETE = "INCOMPLETE";

        public static String hex(long v) {
            return String.format("%016x", v);
        }

        public boolean complete() {
            return slaProblem == null && countersProblem == null;
        }

        public String slaEventsText() {
            return slaProblem == null ? String.valueOf(slaEvents) : INCOMPLETE;
        }

        public String slaChecksumText() {
            return slaProblem == null ? hex(slaChecksum) : INCOMPLETE;
        }

        public String countersChecksumText() {
            return countersProblem == null ? hex(countersChecksum) : INCOMPLETE;
        }

        /** Lines that say what is missing or does not add up; empty when nothing is. */
        public List<String> warnings() {
            List<String> lines = new ArrayList<>();
            if (slaProblem != null) {
                lines.add("WARNING: the SLA events of the full stage could not be read completely, so sla_events and"
                        + " sla_checksum are " + INCOMPLETE + ": " + slaProblem);
            } else if (slaAnnounced >= 0 && slaAnnounced != slaEvents) {
                lines.add(String.format("WARNING: %,d SLA events read from the topic, but the service's meter counted"
                        + " %,d announced (the meter also counts announcements of transactions that were aborted"
                        + " and replayed)", slaEvents, slaAnnounced));
            }
            if (countersProblem != null) {
                lines.add("WARNING: the counters changelog of the full stage could not be read completely, so"
                        + " counters_checksum is " + INCOMPLETE + ": " + countersProblem);
            }
            return lines;
        }
    }

    private final String bootstrap;
    private final String slaTopic;
    private final LongSupplier slaAnnounced;
    private Map<TopicPartition, Long> slaStart = Map.of();
    private Result result;

    /** @param slaAnnounced the SLA events the service's own meter counted, read once the stage is done */
    public OutputChecksums(String bootstrap, String slaTopic, LongSupplier slaAnnounced) {
        this.bootstrap = bootstrap;
        this.slaTopic = slaTopic;
        this.slaAnnounced = slaAnnounced;
    }

    /**
     * Before the stage: where its SLA events will start (a kept broker may hold an earlier run's), once
     * no transaction is open on the topic.
     */
    public void markStart() throws Exception {
        slaStart = CommittedRecords.settledEnds(bootstrap, slaTopic);
    }

    /** After the stage, before its changelogs are deleted: reads both, keeps the result, returns note lines. */
    public List<String> read(String applicationId) throws Exception {
        List<String> lines = new ArrayList<>();
        long announced = slaAnnounced.getAsLong();

        MessageDigest digest = sha256();
        List<Long> triples = new ArrayList<>();
        Map<String, Long> byKind = new TreeMap<>();
        long slaEvents = 0;
        String slaProblem = null;
        try {
            slaEvents = CommittedRecords.read(bootstrap, slaTopic, slaStart, (partition, k, v) -> {
                SlaEventFields f = SlaEventFields.parse(v);
                byKind.merge(String.valueOf(f.kind()), 1L, Long::sum);
                triples.add(ByteBuffer.wrap(digest.digest(f.triple().getBytes(StandardCharsets.UTF_8))).getLong());
            });
        } catch (CommittedRecords.IncompleteRead e) {
            slaProblem = e.getMessage();
        }
        long[] sorted = triples.stream().mapToLong(Long::longValue).sorted().toArray();
        long distinct = 0;
        long slaSum = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
                slaSum += sorted[i];
            }
        }
        if (slaProblem == null) {
            lines.add(String.format("output: %,d SLA events %s (%,d distinct, %,d repeated), checksum %s", slaEvents,
                    byKind, distinct, slaEvents - distinct, Result.hex(slaSum)));
        } else {
            lines.add("output: SLA events " + Result.INCOMPLETE + " (" + slaProblem + ")");
        }

        // Each task keeps its own partial tally of a key (the dossiers of one agency, procedure and day are
        // spread over the partitions), in its own changelog partition: the last value per partition and
        // key, summed over the partitions, is the key's count, whatever order the partitions are read in.
        String changelog = applicationId + "-" + DossierTopology.COUNTER_STORE + "-changelog";
        Map<Integer, Map<String, byte[]>> last = new HashMap<>();
        TallySerde tallies = new TallySerde();
        String countersProblem = null;
        try {
            CommittedRecords.read(bootstrap, changelog, Map.of(), (partition, k, v) -> {
                String key = new String(k, StandardCharsets.UTF_8);
                Map<String, byte[]> ofPartition = last.computeIfAbsent(partition, p -> new HashMap<>());
                if (v == null) {
                    ofPartition.remove(key);
                } else {
                    ofPartition.put(key, v);
                }
            });
        } catch (CommittedRecords.IncompleteRead e) {
            countersProblem = e.getMessage();
        }
        Map<String, Tally> sums = new TreeMap<>();
        long partials = 0;
        for (Map<String, byte[]> ofPartition : last.values()) {
            for (Map.Entry<String, byte[]> e : ofPartition.entrySet()) {
                // throws on a corrupt tally
                sums.computeIfAbsent(e.getKey(), k -> new Tally()).merge(tallies.deserialize(changelog, e.getValue()));
                partials++;
            }
        }
        MessageDigest counters = sha256();
        for (Map.Entry<String, Tally> e : sums.entrySet()) {
            update(counters, e.getKey().getBytes(StandardCharsets.UTF_8));
            update(counters, TallyCodec.encode(e.getValue()));
        }
        long countersSum = ByteBuffer.wrap(counters.digest()).getLong();
        if (countersProblem == null) {
            lines.add(String.format("output: %,d counter keys (%,d partial tallies over %d partitions) in %s, checksum"
                    + " %s", sums.size(), partials, last.size(), changelog, Result.hex(countersSum)));
        } else {
            lines.add("output: counters " + Result.INCOMPLETE + " (" + countersProblem + ")");
        }

        result = new Result(slaEvents, slaEvents - distinct, slaSum, sums.size(), countersSum, announced, slaProblem,
                countersProblem);
        lines.addAll(result.warnings());
        return lines;
    }

    public Result result() {
        return result;
    }

    /** Length first, so that no two different sequences of fields feed the digest the same bytes. */
    private static void update(MessageDigest d, byte[] field) {
        d.update(ByteBuffer.allocate(4).putInt(field.length).array());
        d.update(field);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
