package io.dossierpulse.perf.report;

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
 *   <li>Counters: the last value of every key of the counter store's changelog (each decoded with the
 *       service's TallySerde, which rejects a corrupt one), hashed in key order with its value bytes.
 * </ul>
 *
 * The hash is the first 64 bits of SHA-256.
 */
public final class OutputChecksums {

    /** @param slaChecksum and {@code countersChecksum}: 64-bit values, printed as 16 hex digits */
    public record Result(long slaEvents, long slaDuplicates, long slaChecksum, long counterKeys,
            long countersChecksum) {

        public static String hex(long v) {
            return String.format("%016x", v);
        }
    }

    private final String bootstrap;
    private final String slaTopic;
    private Map<TopicPartition, Long> slaStart = Map.of();
    private Result result;

    public OutputChecksums(String bootstrap, String slaTopic) {
        this.bootstrap = bootstrap;
        this.slaTopic = slaTopic;
    }

    /** Before the stage: where its SLA events will start (a kept broker may hold an earlier run's). */
    public void markStart() {
        slaStart = CommittedRecords.ends(bootstrap, slaTopic);
    }

    /** After the stage, before its changelogs are deleted: reads both, keeps the result, returns note lines. */
    public List<String> read(String applicationId) throws Exception {
        MessageDigest digest = sha256();
        List<Long> triples = new ArrayList<>();
        Map<String, Long> byKind = new TreeMap<>();
        long slaEvents = CommittedRecords.read(bootstrap, slaTopic, slaStart, (k, v) -> {
            SlaEventFields f = SlaEventFields.parse(v);
            byKind.merge(String.valueOf(f.kind()), 1L, Long::sum);
            triples.add(ByteBuffer.wrap(digest.digest(f.triple().getBytes(StandardCharsets.UTF_8))).getLong());
        });
        long[] sorted = triples.stream().mapToLong(Long::longValue).sorted().toArray();
        long distinct = 0;
        long slaSum = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
                slaSum += sorted[i];
            }
        }

        String changelog = applicationId + "-" + DossierTopology.COUNTER_STORE + "-changelog";
        Map<String, byte[]> last = new HashMap<>();
        TallySerde tallies = new TallySerde();
        CommittedRecords.read(bootstrap, changelog, Map.of(), (k, v) -> {
            String key = new String(k, StandardCharsets.UTF_8);
            if (v == null) {
                last.remove(key);
            } else {
                tallies.deserialize(changelog, v); // throws on a corrupt tally; the value itself is not needed
                last.put(key, v);
            }
        });
        MessageDigest counters = sha256();
        for (String key : last.keySet().stream().sorted().toList()) {
            update(counters, key.getBytes(StandardCharsets.UTF_8));
            update(counters, last.get(key));
        }
        long countersSum = ByteBuffer.wrap(counters.digest()).getLong();

        result = new Result(slaEvents, slaEvents - distinct, slaSum, last.size(), countersSum);
        return List.of(String.format("output: %,d SLA events %s (%,d distinct, %,d repeated), checksum %s; %,d counter"
                + " keys in %s, checksum %s", slaEvents, byKind, distinct, slaEvents - distinct, Result.hex(slaSum),
                last.size(), changelog, Result.hex(countersSum)));
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
