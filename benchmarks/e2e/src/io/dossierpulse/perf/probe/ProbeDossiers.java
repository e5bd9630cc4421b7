package io.dossierpulse.perf.probe;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.calendar.CalendarOverride;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.calendar.WorkingPeriod;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.sla.LimitUnit;
import io.dossierpulse.domain.sla.SlaClock;
import io.dossierpulse.domain.sla.SlaEngine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Dossiers whose SLA deadline is placed a few seconds ahead, sent beside the generated traffic so
 * that deadlines pass during the measured window whatever the time of day.
 *
 * <p>Office hours would put every deadline inside 08:00-17:00 of a working day, and a run at night
 * or on a weekend would see none pass. So the run uses an SLA engine over a round-the-clock calendar:
 * one period 00:00-23:59:59 (a period cannot end at 24:00, so one second a day is not worked) on every
 * day around today, weekends and holidays made working by overrides. The at-risk threshold is the
 * engine's default. A probe is a procedure of the catalog with a working-day limit, accepted in the
 * past so that its first announced deadline (at risk when the limit exceeds the threshold, otherwise
 * the due) falls at the wanted instant; its due then lies hours after the run.
 */
public final class ProbeDossiers {

    public static final String PREFIX = "SLAPROBE";
    // The kinds by their names on the SLA topic, which is what the probes are checked against.
    private static final String AT_RISK = "AT_RISK";
    private static final String BREACHED = "BREACHED";

    /**
     * A probe: its two events (SUBMITTED, ACCEPTED) and the announcement they must lead to, {@code kind}
     * as the announcement's data names it (AT_RISK or BREACHED).
     */
    public record Probe(String dossierId, String kind, Instant deadline, List<DossierEvent> events) {
    }

    private final WorkingCalendar calendar;
    private final SlaEngine engine;
    private final Procedure procedure;
    private final String agencyCode;
    private final String kind;
    /** Working seconds from the clock start to the announced deadline. */
    private final long toDeadline;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private long serial;

    private ProbeDossiers(LocalDate today, ProcedureCatalog catalog, AgencyDirectory agencies) {
        procedure = catalog.all().stream()
                .filter(p -> p.limit().unit() == LimitUnit.WORKING_DAYS && p.steps().isEmpty())
                .min(Comparator.comparingInt((Procedure p) -> p.limit().amount()))
                .orElseThrow(() -> new IllegalStateException("no single-agency working-day procedure in the catalog"));
        // Far enough back for the acceptance (at most the limit's days before now), and ahead for the run.
        firstDay = today.minusDays(procedure.limit().amount() + 3L);
        lastDay = today.plusDays(3);
        List<CalendarOverride> allDays = new ArrayList<>();
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
            allDays.add(CalendarOverride.work(d, "latency benchmark: round the clock"));
        }
        calendar = WorkingCalendar.builder().periods(WorkingPeriod.of("00:00", "23:59:59")).overrides(allDays)
                .build();
        engine = new SlaEngine(calendar);
        agencyCode = agency(agencies, procedure.level(), today);
        long limit = engine.limitWorkingSeconds(procedure.limit());
        long threshold = engine.atRiskThresholdSeconds();
        kind = limit > threshold ? AT_RISK : BREACHED;
        toDeadline = limit > threshold ? limit - threshold : limit;
    }

    public static ProbeDossiers roundTheClock(LocalDate today) {
        return new ProbeDossiers(today, ProcedureCatalog.loadDefault(), AgencyDirectory.loadDefault());
    }

    /** The engine the topology must run with, so that the deadlines computed here are the ones it announces. */
    public SlaEngine engine() {
        return engine;
    }

    public String describe() {
        return String.format("SLA calendar of the run: every day %s to %s worked 00:00-23:59:59 (%,d working s a"
                + " day), at-risk threshold %d min; probe dossiers: procedure %s (%d working days) at %s, %s"
                + " announced %,d working s after acceptance", firstDay, lastDay, calendar.workingSecondsPerDay(),
                engine.atRiskThresholdSeconds() / 60, procedure.code(), procedure.limit().amount(), agencyCode,
                kind, toDeadline);
    }

    /** A new probe dossier whose announced deadline is {@code deadline} (to the second, as the engine has it). */
    public Probe next(Instant deadline) {
        long startOrdinal = calendar.workingOrdinal(deadline.getEpochSecond()) - toDeadline;
        Instant accepted = Instant.ofEpochSecond(calendar.resumedAt(startOrdinal));
        SlaClock clock = engine.start(accepted, procedure);
        long expected = kind.equals(AT_RISK)
                ? clock.atRiskSecond(engine.atRiskThresholdSeconds(), engine) : clock.dueSecond();
        String id = PREFIX + "-" + (++serial);
        DossierEvent submitted = event(id, 1, EventType.SUBMITTED, accepted.minusSeconds(600));
        DossierEvent acceptance = event(id, 2, EventType.ACCEPTED, accepted);
        return new Probe(id, kind, Instant.ofEpochSecond(expected), List.of(submitted, acceptance));
    }

    private DossierEvent event(String dossierId, long seq, EventType type, Instant at) {
        return new DossierEvent(dossierId + "-" + seq, dossierId, seq, type, at, agencyCode, procedure.code(),
                Channel.ONLINE, null, null, null, null, null, null, null);
    }

    /** An agency of the procedure's level that exists today; a commune when that level no longer does. */
    private static String agency(AgencyDirectory agencies, AgencyLevel level, LocalDate today) {
        for (AgencyLevel l : List.of(level, AgencyLevel.COMMUNE)) {
            for (Agency a : agencies.all()) {
                if (a.level() == l && a.isActiveOn(today)) {
                    return a.code();
                }
            }
        }
        return agencies.root().code();
    }
}
