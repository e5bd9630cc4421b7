package io.dossierpulse.perf.load;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.contract.ParseResult;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.sla.SlaEngine;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.common.utils.Utils;

/**
 * Writes the events that leave N dossiers open: each is SUBMITTED and, 30 minutes later, ACCEPTED,
 * with seq 1 and 2, keyed by its dossierId. Submissions are spread over the 90 minutes before 30
 * minutes ago, so every clock has just started; the events go out in time order, acceptances
 * interleaved with later submissions as a one-stop system would send them.
 *
 * <p>Only procedures whose limit is at least two working days longer than the at-risk threshold
 * are used (three working days and more with the defaults). Their at-risk points are then at least
 * two working days ahead, so no deadline passes during the run and the service does no SLA work
 * that would blur the figures. Same-day, one- and two-day procedures are left out for that reason.
 */
public final class OpenDossierPreload {

    private static final ZoneOffset VIETNAM = io.dossierpulse.domain.calendar.WorkingCalendar.OFFSET;
    private static final long PROGRESS_NANOS = 5_000_000_000L;
    private static final Duration ACCEPTED_AFTER = Duration.ofMinutes(30);
    private static final Duration SUBMISSIONS_SPAN = Duration.ofMinutes(90);

    /** A dossier whose lookup the recovery stages use: the first one of its partition. */
    public record KnownDossier(String dossierId, int partition, String agencyCode, String procedureCode) {
    }

    /** @param bytesPerEvent the average encoded size, from a sample of the events */
    public record Result(long dossiers, long events, double bytesPerEvent, double seconds, Instant firstSubmitted,
            Instant lastAccepted, int procedures, int catalogSize, int agencies, List<KnownDossier> known) {
    }

    /** One dossier's draws; recomputed from its ordinal when its acceptance is due. */
    private record Opening(String dossierId, Procedure procedure, String agencyCode, Channel channel) {
    }

    private final List<Procedure> procedures;
    private final int catalogSize;
    private final ReceivingDesks desks;
    private final SlaEngine engine = SlaEngine.standard();
    private final long baseSeed;
    private final String idPrefix;
    private final long open;
    private final Instant firstSubmitted;
    private final long stepNanos;

    private OpenDossierPreload(long open, long seed, Instant now) {
        ProcedureCatalog catalog = ProcedureCatalog.loadDefault();
        long minimum = engine.atRiskThresholdSeconds() + 2L * engine.calendar().workingSecondsPerDay();
        this.procedures = catalog.all().stream().filter(p -> engine.limitWorkingSeconds(p.limit()) >= minimum)
                .toList();
        this.catalogSize = catalog.size();
        if (procedures.isEmpty()) {
            throw new IllegalStateException("no procedure in the catalog has a limit of " + minimum / 3600
                    + " working hours or more");
        }
        this.desks = new ReceivingDesks(AgencyDirectory.loadDefault(), now.atOffset(VIETNAM).toLocalDate());
        this.baseSeed = new SplittableRandom(seed).nextLong();
        this.idPrefix = "HN-" + now.atOffset(VIETNAM).getYear() + "-";
        this.open = open;
        this.firstSubmitted = now.minus(ACCEPTED_AFTER).minus(SUBMISSIONS_SPAN);
        this.stepNanos = SUBMISSIONS_SPAN.toNanos() / open;
    }

    public static Result run(String bootstrap, String topic, int partitions, long open, long seed, PrintStream out) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OpenDossierPreload plan = new OpenDossierPreload(open, seed, now);
        out.printf("  %d of the catalog's %d procedures (limits of 3 working days and more), %d receiving agencies"
                + " active on %s; submitted from %s, accepted up to %s%n", plan.procedures.size(), plan.catalogSize,
                plan.desks.size(), now.atOffset(VIETNAM).toLocalDate(), plan.submittedAt(0).atOffset(VIETNAM),
                plan.acceptedAt(open - 1).atOffset(VIETNAM));
        return plan.write(bootstrap, topic, partitions, out);
    }

    private Result write(String bootstrap, String topic, int partitions, PrintStream out) {
        EventCodec codec = new EventCodec();
        List<KnownDossier> known = new ArrayList<>();
        boolean[] partitionSeen = new boolean[partitions];
        long events = open * 2;
        long started = System.nanoTime();
        long lastReport = started;
        FeedSink sink = new FeedSink(bootstrap, topic);
        try (sink) {
            long accepting = 0;
            for (long i = 0; i <= open; i++) {
                // Acceptances fall due as submissions move on; the last ones follow the last submission.
                Instant submitted = i < open ? submittedAt(i) : Instant.MAX;
                while (accepting < i && !acceptedAt(accepting).isAfter(submitted)) {
                    sink.write(accepted(accepting++));
                }
                if (i == open) {
                    break;
                }
                Opening o = opening(i);
                sink.write(event(o, 1, EventType.SUBMITTED, submitted, null));
                int partition = partitionOf(o.dossierId(), partitions);
                if (!partitionSeen[partition]) {
                    partitionSeen[partition] = true;
                    known.add(new KnownDossier(o.dossierId(), partition, o.agencyCode(), o.procedure().code()));
                    checkDecodes(codec, o);
                }
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_NANOS) {
                    out.printf("  preload: %,d of %,d events sent%n", sink.written(), events);
                    lastReport = now;
                }
            }
        }
        if (sink.written() != events) {
            throw new IllegalStateException("sent " + sink.written() + " events, planned " + events);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        known.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        return new Result(open, events, sink.bytesPerEvent(), seconds, submittedAt(0), acceptedAt(open - 1),
                procedures.size(), catalogSize, desks.size(), List.copyOf(known));
    }

    private Instant submittedAt(long ordinal) {
        return firstSubmitted.plusNanos(ordinal * stepNanos).truncatedTo(ChronoUnit.MILLIS);
    }

    private Instant acceptedAt(long ordinal) {
        return submittedAt(ordinal).plus(ACCEPTED_AFTER);
    }

    private DossierEvent accepted(long ordinal) {
        Opening o = opening(ordinal);
        Instant at = acceptedAt(ordinal);
        return event(o, 2, EventType.ACCEPTED, at, engine.due(at, o.procedure().limit()).dueAt());
    }

    private Opening opening(long ordinal) {
        SplittableRandom r = new SplittableRandom(baseSeed ^ (ordinal * 0x9E3779B97F4A7C15L));
        Procedure procedure = procedures.get(r.nextInt(procedures.size()));
        String agency = desks.receiving(procedure, r);
        // Hanoi's communes, 1 July to 23 September 2025: 59.71% online, 40.05% in person, 0.24% by post.
        double c = r.nextDouble();
        Channel channel = c < 0.5971 ? Channel.ONLINE : c < 0.9976 ? Channel.IN_PERSON : Channel.POSTAL;
        return new Opening(dossierId(ordinal), procedure, agency, channel);
    }

    /** "HN-2026-000001234": the generator's form, with this year and the ordinal on nine digits. */
    private String dossierId(long ordinal) {
        String digits = Long.toString(ordinal + 1);
        StringBuilder sb = new StringBuilder(idPrefix.length() + 12).append(idPrefix);
        for (int i = digits.length(); i < 9; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    private static DossierEvent event(Opening o, long seq, EventType type, Instant at, Instant dueAt) {
        return new DossierEvent(o.dossierId() + "-" + seq, o.dossierId(), seq, type, at, o.agencyCode(),
                o.procedure().code(), o.channel(), dueAt, null, null, o.procedure().feeBearing(), null, null, null);
    }

    /** The partition Kafka's default partitioner gives a key: murmur2 of its bytes. */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A malformed event would go to the dead-letter topic and spoil the catch-up count: fail now. */
    private void checkDecodes(EventCodec codec, Opening o) {
        long ordinal = Long.parseLong(o.dossierId().substring(idPrefix.length())) - 1;
        for (DossierEvent e : List.of(event(o, 1, EventType.SUBMITTED, submittedAt(ordinal), null),
                accepted(ordinal))) {
            if (!(codec.decode(codec.encode(e)) instanceof ParseResult.Valid)) {
                throw new IllegalStateException("the contract refuses " + e + ": "
                        + codec.decode(codec.encode(e)));
            }
        }
    }
}
