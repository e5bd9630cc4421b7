package io.dossierpulse.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded inputs mutated from valid events: valid ones in order, duplicates, seqs skipped and
 * reordered, bytes flipped, fields dropped, duplicated or retyped, huge, deep or many values, dates
 * far in the future, wrong record keys, and bytes that are not JSON at all.
 */
final class FuzzInputs {

    /** One input: the record key it goes with (straight to the topic) and its bytes. */
    record Input(String key, byte[] value, String kind) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2025-03-03T02:00:00Z");

    private final Random random;
    private final String prefix;
    private final int hugeBytes;
    private final boolean wrongKeys;
    private final EventCodec codec = new EventCodec();
    private final List<byte[]> sentValid = new ArrayList<>();
    private int dossier;
    private long seq;

    /**
     * @param hugeBytes how large a huge value is (over HTTP a request is bounded; straight to the topic it is not)
     * @param wrongKeys whether record keys may disagree with the dossier (only straight to the topic)
     */
    FuzzInputs(long seed, String prefix, int hugeBytes, boolean wrongKeys) {
        this.random = new Random(seed);
        this.prefix = prefix;
        this.hugeBytes = hugeBytes;
        this.wrongKeys = wrongKeys;
    }

    List<Input> next(int count) {
        List<Input> out = new ArrayList<>(count);
        while (out.size() < count) {
            out.add(next());
        }
        return out;
    }

    private Input next() {
        int pick = random.nextInt(100);
        if (pick < 35) {
            return valid(nextEvent());
        }
        if (pick < 42 && !sentValid.isEmpty()) {
            byte[] again = sentValid.get(random.nextInt(sentValid.size()));
            return new Input(idOf(again), again, "duplicate");
        }
        if (pick < 47) {
            seq++; // a seq skipped: the next one is held, then applied once the hold times out
            return valid(nextEvent());
        }
        if (pick < 52) {
            DossierEvent first = nextEvent();
            DossierEvent second = nextEvent();
            sentValid.add(codec.encode(first)); // sent next, out of order
            pendingReordered = first;
            return new Input(second.dossierId(), codec.encode(second), "reordered");
        }
        DossierEvent base = nextEvent();
        seq--; // a mutation does not use up the seq
        ObjectNode tree = tree(codec.encode(base));
        String key = base.dossierId();
        String kind;
        byte[] bytes;
        switch (random.nextInt(12)) {
            case 0 -> {
                kind = "bytes flipped";
                bytes = codec.encode(base);
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> {
                kind = "field dropped";
                tree.remove(field(tree));
                bytes = bytes(tree);
            }
            case 2 -> {
                kind = "field duplicated";
                String text = new String(codec.encode(base), StandardCharsets.UTF_8);
                String f = field(tree);
                bytes = ("{\"" + f + "\":" + tree.get(f) + "," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                kind = "field retyped";
                String f = field(tree);
                JsonNode v = tree.get(f);
                if (v.isNumber()) {
                    tree.put(f, v.asText());
                } else if (random.nextBoolean()) {
                    tree.put(f, random.nextInt());
                } else {
                    tree.putArray(f).add(v);
                }
                bytes = bytes(tree);
            }
            case 4 -> {
                // Mostly above the event limit; one in twenty above the producer's request limit too.
                boolean enormous = random.nextInt(20) == 0;
                kind = enormous ? "enormous value" : "huge value";
                tree.put(random.nextBoolean() ? "reason" : "agencyCode", "x".repeat(enormous ? hugeBytes : 20_000));
                bytes = bytes(tree);
            }
            case 5 -> {
                kind = "deep nesting";
                int depth = 2_000 + random.nextInt(3_000);
                bytes = ("{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                kind = "many fields";
                for (int i = 0; i < 1_000; i++) {
                    tree.put("f" + i, i);
                }
                bytes = bytes(tree);
            }
            case 7 -> {
                kind = "future-dated";
                tree.put("occurredAt", "2031-01-0" + (1 + random.nextInt(9)) + "T09:00:00+07:00");
                bytes = bytes(tree);
            }
            case 8 -> {
                kind = "unknown type";
                tree.put("type", "LOST_IN_THE_MAIL");
                bytes = bytes(tree);
            }
            case 9 -> {
                kind = "seq out of range";
                tree.put("seq", random.nextBoolean() ? 0 : -5);
                bytes = bytes(tree);
            }
            case 10 -> {
                kind = wrongKeys ? "wrong key" : "not JSON";
                if (wrongKeys) {
                    key = prefix + "-other-" + random.nextInt(1_000);
                    bytes = codec.encode(base);
                } else {
                    bytes = "not json at all".getBytes(StandardCharsets.UTF_8);
                }
            }
            default -> {
                kind = "not an object";
                bytes = ("[" + tree + "]").getBytes(StandardCharsets.UTF_8);
            }
        }
        return new Input(key, bytes, kind);
    }

    private DossierEvent pendingReordered;

    /** The event held back by a reorder, if any: callers send it right after. */
    Input takeReordered() {
        DossierEvent e = pendingReordered;
        pendingReordered = null;
        return e == null ? null : new Input(e.dossierId(), codec.encode(e), "reordered, late");
    }

    private Input valid(DossierEvent e) {
        byte[] bytes = codec.encode(e);
        sentValid.add(bytes);
        if (sentValid.size() > 2_000) {
            sentValid.remove(0);
        }
        return new Input(e.dossierId(), bytes, "valid");
    }

    /** The next event of the current dossier (ACCEPTED, then PROCESSING, then RESOLVED), or of a new one. */
    private DossierEvent nextEvent() {
        if (seq >= 3 || random.nextInt(4) == 0 && seq > 0) {
            dossier++;
            seq = 0;
        }
        seq++;
        String id = prefix + "-" + dossier;
        EventType type = seq == 1 ? EventType.ACCEPTED : seq == 2 ? EventType.PROCESSING : EventType.RESOLVED;
        Instant at = START.plus(Duration.ofMinutes(dossier * 3L + seq * 40));
        return new DossierEvent(id + "-" + seq, id, seq, type, at, "P-BD-PHUCXA", "HT-304",
                seq == 1 ? Channel.ONLINE : null, null, null, null, null, null, null, null);
    }

    private String field(ObjectNode tree) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = tree.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names.get(random.nextInt(names.size()));
    }

    private static String idOf(byte[] event) {
        return tree(event).get("dossierId").asText();
    }

    private static ObjectNode tree(byte[] bytes) {
        try {
            return (ObjectNode) JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
