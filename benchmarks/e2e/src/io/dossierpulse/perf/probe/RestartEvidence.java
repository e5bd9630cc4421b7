package io.dossierpulse.perf.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service instance's log says it did with its local state on start-up: which tasks Kafka
 * Streams found without a checkpoint and wiped, which stores it reopened from a checkpoint, and how
 * many changelog records it restored into each store. Read from the log, not inferred.
 *
 * @param wipedTasks        distinct tasks named by "Wiping state stores for ... task ..." lines
 * @param corruptionWarnings distinct tasks whose local state is to be wiped because a store had data but no
 *                          checkpoint (exactly-once: the data may hold uncommitted writes)
 * @param storesFromCheckpoint stores opened at a checkpointed changelog offset (local state reused)
 * @param storesWithoutOffset stores opened with no checkpointed offset: restored from the changelog's start
 * @param restoredByStore   changelog records restored, by store, summed over partitions
 * @param sessionTimeoutMs  the consumers' session.timeout.ms as logged; -1 when not logged
 * @param assignedSeconds   from the zero moment to the first rebalance that assigned tasks; NaN when none
 * @param timeline          key lines with their log time, in order; repeated kinds shortened
 */
public record RestartEvidence(int wipedTasks, int corruptionWarnings, int storesFromCheckpoint, int storesWithoutOffset,
        Map<String, Long> restoredByStore, long sessionTimeoutMs, double assignedSeconds, List<String> timeline) {

    private static final Pattern TIME = Pattern.compile("^(\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) ");
    private static final Pattern SESSION_TIMEOUT = Pattern.compile("\\bsession\\.timeout\\.ms = (\\d+)");
    private static final Pattern CORRUPTED = Pattern.compile(
            "did not find checkpoint offsets while stores are not empty.*local state of task (\\S+)");
    private static final Pattern WIPED = Pattern.compile("Wiping state stores for \\S+ task (\\S+)");
    private static final Pattern RESTORED = Pattern.compile(
            "Finished restoring changelog \\S+ to store (\\S+) with a total number of (\\d+) records");
    /** Line kinds on the timeline, by a phrase of the message; first and last of each are shown. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("started in", "service started");
        KINDS.put("State transition from", null);
        KINDS.put("did not find checkpoint offsets while stores are not empty", "task corrupted: no checkpoint");
        KINDS.put("Wiping state stores", "state wiped");
        KINDS.put("participating in this rebalance", "group rebalance: tasks assigned");
        KINDS.put("initialized from checkpoint with offset null", "store opened, no checkpointed offset");
        KINDS.put("initialized from checkpoint with offset", "store opened at a checkpointed offset");
        KINDS.put("Start restoring changelog partition", "changelog restore started");
        KINDS.put("Finished restoring changelog ", "changelog restore finished");
        KINDS.put("Finished restoring all changelogs", "all changelogs restored");
    }

    public long restoredRecords() {
        return restoredByStore.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Reads the log; {@code zero} is the moment the timeline counts from (the kill). */
    public static RestartEvidence read(Path log, LocalTime zero) throws IOException {
        Set<String> wiped = new TreeSet<>();
        Set<String> corrupted = new TreeSet<>();
        int fromCheckpoint = 0;
        int withoutOffset = 0;
        long sessionTimeout = -1;
        double assigned = Double.NaN;
        Map<String, Long> restored = new TreeMap<>();
        // Each kind appears once on the timeline, where it first occurred; transitions each time.
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        List<String[]> order = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher w = WIPED.matcher(line);
            if (w.find()) {
                wiped.add(w.group(1));
            }
            Matcher c = CORRUPTED.matcher(line);
            if (c.find()) {
                corrupted.add(c.group(1));
            }
            if (line.contains("initialized from checkpoint with offset null")) {
                withoutOffset++;
            } else if (line.contains("initialized from checkpoint with offset")) {
                fromCheckpoint++;
            }
            Matcher session = SESSION_TIMEOUT.matcher(line);
            if (sessionTimeout < 0 && session.find()) {
                sessionTimeout = Long.parseLong(session.group(1));
            }
            // A static member that rejoins gets its tasks back without a logged rebalance round: the
            // stream thread's move to PARTITIONS_ASSIGNED is then the first sign of the assignment.
            if (Double.isNaN(assigned) && (line.contains("participating in this rebalance")
                    || line.contains("from STARTING to PARTITIONS_ASSIGNED"))) {
                assigned = seconds(line, zero);
            }
            Matcher m = RESTORED.matcher(line);
            if (m.find()) {
                restored.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
            }
            for (Map.Entry<String, String> k : KINDS.entrySet()) {
                if (line.contains(k.getKey())) {
                    String label = k.getValue() != null ? k.getValue() : stateTransition(line);
                    String entry = offset(line, zero) + label;
                    if (k.getValue() == null) {
                        order.add(new String[] {null, entry});
                    } else {
                        List<String> seen = byKind.computeIfAbsent(label, x -> new ArrayList<>());
                        if (seen.isEmpty()) {
                            order.add(new String[] {label, null});
                        }
                        seen.add(entry);
                    }
                    break;
                }
            }
        }
        List<String> timeline = new ArrayList<>();
        for (String[] e : order) {
            if (e[0] == null) {
                timeline.add(e[1]);
                continue;
            }
            List<String> seen = byKind.get(e[0]);
            timeline.add(seen.get(0) + (seen.size() > 1 ? " (first of " + seen.size() + ")" : ""));
            if (seen.size() > 1) {
                timeline.add(seen.get(seen.size() - 1) + " (last)");
            }
        }
        return new RestartEvidence(wiped.size(), corrupted.size(), fromCheckpoint, withoutOffset, restored,
                sessionTimeout, assigned, timeline);
    }

    /** What a restart did with the kept state, in one sentence. */
    public String verdict() {
        String restoredText = restoredByStore.isEmpty() ? "no changelog restore was logged"
                : String.format("%,d changelog records restored (%s)", restoredRecords(), restoredByStore);
        return String.format("%d task(s) declared corrupted (a store not empty, no checkpoint), %d wiped; %d store(s)"
                + " opened at a checkpointed offset, %d with none (restored from the changelog's start); %s",
                corruptionWarnings, wipedTasks, storesFromCheckpoint, storesWithoutOffset, restoredText);
    }

    /** The client's and the stream thread's transitions, told apart by the logger. */
    private static String stateTransition(String line) {
        int at = line.indexOf("State transition from");
        String who = line.contains("StreamThread]") ? "stream thread: " : "Kafka Streams client: ";
        return who + line.substring(at).replace("State transition from ", "").trim();
    }

    /** "+12.34 s" from the log line's time; blanks when the line has none. */
    private static String offset(String line, LocalTime zero) {
        double s = seconds(line, zero);
        return Double.isNaN(s) ? " ".repeat(12) : String.format("%+8.2f s  ", s);
    }

    /** Seconds from {@code zero} to the log line's time (same day); NaN when the line has none. */
    private static double seconds(String line, LocalTime zero) {
        Matcher m = TIME.matcher(line);
        if (!m.find()) {
            return Double.NaN;
        }
        try {
            return Duration.between(zero, LocalTime.parse(m.group(1))).toNanos() / 1e9;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }
}
