package io.dossierpulse.domain.dossier;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.sla.SlaEngine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one ledger through a dossier's events in order, as a stream task would (history replayed:
 * announcements dated at their deadline), and keeps every counter delta and announcement made, so a
 * worked example reads as its events and the totals it must come to.
 */
final class LedgerProbe {

    static final String AGENCY = "P-BD-PHUCXA";
    private static final long WALL = at("2026-01-01T00:00:00+07:00").toEpochMilli();

    private final DossierLedger ledger;
    private final Effects fx = new Effects();
    private final Map<Long, Tally> byDay = new HashMap<>();
    private final Map<String, Tally> byAgency = new HashMap<>();
    private final List<String> announced = new ArrayList<>();
    private DossierState state;
    private long seq;
    private String agency = AGENCY;

    LedgerProbe(SlaEngine engine) {
        this(ProcedureCatalog.loadDefault(), engine);
    }

    LedgerProbe(ProcedureCatalog catalog, SlaEngine engine) {
        this.ledger = new DossierLedger(catalog, engine);
    }

    /** Continues from a stored state whose last seq was {@code seq}, as a task would after a restart. */
    LedgerProbe resume(DossierState stored, long lastSeq) {
        this.state = stored;
        this.seq = lastSeq;
        return this;
    }

    /** The receiving agency of the dossier's events from now on (before its first event). */
    LedgerProbe receivedBy(String code) {
        this.agency = code;
        return this;
    }

    static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    /** An event of dossier {@code id}: the next seq, procedure {@code procedure}. */
    LedgerProbe then(String id, String procedure, EventType type, String when, Instant dueAt, Instant newDueAt) {
        return apply(id, procedure, type, when, dueAt, null, newDueAt);
    }

    /** A TRANSFERRED event to {@code toAgency}. */
    LedgerProbe transfer(String id, String procedure, String when, String toAgency) {
        return apply(id, procedure, EventType.TRANSFERRED, when, null, toAgency, null);
    }

    private LedgerProbe apply(String id, String procedure, EventType type, String when, Instant dueAt, String toAgency,
            Instant newDueAt) {
        seq++;
        DossierEvent e = new DossierEvent(id + "-" + seq, id, seq, type, at(when), agency, procedure,
                type == EventType.ACCEPTED ? Channel.ONLINE : null, dueAt, toAgency, newDueAt, null, null, null, null);
        fx.clear();
        ledger.apply(state, e, WALL, false, true, fx);
        if (fx.verdict() != Effects.Verdict.APPLIED) {
            throw new AssertionError(e + " not applied: " + fx.verdict());
        }
        state = fx.next();
        record();
        return this;
    }

    /**
     * Lets time pass to {@code when}: every pending deadline before it is announced, oldest first,
     * as the task's scan would, dated at the deadline.
     */
    LedgerProbe passTime(String when) {
        long until = at(when).getEpochSecond();
        while (true) {
            Deadline next = null;
            long first = Long.MAX_VALUE;
            for (Deadline d : Deadline.values()) {
                long s = ledger.deadlineSecond(state, d);
                if (s != io.dossierpulse.domain.sla.SlaClock.NONE && s < until && s < first) {
                    next = d;
                    first = s;
                }
            }
            if (next == null) {
                return this;
            }
            fx.clear();
            ledger.fire(state, next, first * 1000, fx);
            state = fx.next();
            record();
        }
    }

    private void record() {
        for (int i = 0; i < fx.counts(); i++) {
            byDay.computeIfAbsent(fx.countDay(i), d -> new Tally()).add(fx.countMeasure(i), fx.countDelta(i));
            byAgency.computeIfAbsent(fx.countAgency(i), a -> new Tally()).add(fx.countMeasure(i), fx.countDelta(i));
        }
        for (int i = 0; i < fx.announcements(); i++) {
            announced.add(fx.type(i) + "@" + Instant.ofEpochSecond(fx.deadlineSecond(i)));
        }
    }

    LedgerProbe then(String id, String procedure, EventType type, String when) {
        return then(id, procedure, type, when, null, null);
    }

    DossierState state() {
        return state;
    }

    DossierLedger ledger() {
        return ledger;
    }

    /** Every counter delta made so far on a local date. */
    Tally on(LocalDate date) {
        return byDay.getOrDefault(date.toEpochDay(), new Tally());
    }

    /** Every counter delta made so far on the local dates from..to, inclusive. */
    Tally sum(LocalDate from, LocalDate to) {
        Tally t = new Tally();
        byDay.forEach((day, d) -> {
            if (day >= from.toEpochDay() && day <= to.toEpochDay()) {
                t.merge(d);
            }
        });
        return t;
    }

    /** A measure's deltas so far under one agency, all dates together. */
    long agencyCounts(String agency, io.dossierpulse.domain.indicators.Measure m) {
        return byAgency.getOrDefault(agency, new Tally()).get(m);
    }

    /** Every counter delta made so far, all dates together. */
    Tally total() {
        Tally t = new Tally();
        byDay.values().forEach(t::merge);
        return t;
    }

    /** Announcements so far, "TYPE@deadline". */
    List<String> announced() {
        return announced;
    }
}
