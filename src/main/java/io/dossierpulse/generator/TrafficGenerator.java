package io.dossierpulse.generator;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic, endless (or bounded) stream of Hanoi-like dossier events in non-decreasing
 * {@code occurredAt} order, for load and end-to-end tests.
 *
 * <p>Dossiers arrive as a Poisson process shaped by hour of the week ({@link ArrivalProcess}).
 * When one is submitted its whole lifecycle is planned at once ({@link LifecyclePlanner}) and the
 * plan waits in a priority queue keyed by the time of its next event; each call to {@link #next()}
 * emits the earliest pending event. Memory is therefore bounded by the number of open dossiers
 * (arrival rate x lifetime, some hundred thousand at 12,000 a day), not by the length of the run:
 * 26 million events stream through without being held.
 *
 * <p>The same configuration, procedures and directory give the same sequence: every dossier draws
 * from a random stream seeded by the seed and its ordinal, and ties in time go to the older
 * dossier. Not thread-safe; use one generator per thread.
 */
public final class TrafficGenerator implements Iterator<DossierEvent> {

    /** Earliest next event first; the older dossier first on a tie, for determinism. */
    private static final Comparator<DossierPlan> BY_NEXT_EVENT = (a, b) -> {
        int c = Long.compare(a.nextAt(), b.nextAt());
        return c != 0 ? c : Long.compare(a.ordinal, b.ordinal);
    };

    private final GeneratorConfig config;
    private final ArrivalProcess arrivals;
    private final LifecyclePlanner planner;
    private final PriorityQueue<DossierPlan> pending = new PriorityQueue<>(1024, BY_NEXT_EVENT);
    private final long submitUntil;

    private long nextArrivalAt;
    private Channel nextArrivalChannel;
    private boolean arrivalsOpen = true;
    private long submitted;
    private long generated;
    private long lastAt;
    private int peakOpen;

    public TrafficGenerator(GeneratorConfig config, List<Procedure> procedures, AgencyDirectory agencies) {
        this.config = Objects.requireNonNull(config, "config");
        this.arrivals = new ArrivalProcess(config, new SplittableRandom(config.seed()));
        this.planner = new LifecyclePlanner(config, new ProcedureMix(procedures), new AgencyPicker(agencies));
        this.submitUntil = config.submitUntil() == null ? Long.MAX_VALUE : config.submitUntil().toEpochMilli();
        this.lastAt = config.start().toEpochMilli();
        advanceArrival();
    }

    /** A generator over the shipped procedure catalog and Hanoi agency hierarchy. */
    public static TrafficGenerator hanoi(GeneratorConfig config) {
        return new TrafficGenerator(config, ProcedureCatalog.loadDefault().all(), AgencyDirectory.loadDefault());
    }

    @Override
    public boolean hasNext() {
        return arrivalsOpen || !pending.isEmpty();
    }

    @Override
    public DossierEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all dossiers have ended");
        }
        DossierPlan head = pending.peek();
        if (arrivalsOpen && (head == null || nextArrivalAt <= head.nextAt())) {
            submitted++;
            pending.add(planner.plan(submitted, nextArrivalAt, nextArrivalChannel));
            peakOpen = Math.max(peakOpen, pending.size());
            advanceArrival();
        }
        DossierPlan plan = pending.poll();
        DossierEvent event = plan.emit();
        if (plan.hasNext()) {
            pending.add(plan);
        }
        generated++;
        lastAt = event.occurredAt().toEpochMilli();
        return event;
    }

    /** The events as a sequential, ordered stream; it ends only if submissions are bounded. */
    public Stream<DossierEvent> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Events emitted so far. */
    public long generated() {
        return generated;
    }

    /** Dossiers submitted so far (their SUBMITTED events may still be pending for a moment). */
    public long dossiersSubmitted() {
        return submitted;
    }

    /** Dossiers with events still to come: the size of the pending queue. */
    public int openDossiers() {
        return pending.size();
    }

    /** The largest number of open dossiers seen so far. */
    public int peakOpenDossiers() {
        return peakOpen;
    }

    /** The simulated time: occurredAt of the last event emitted, or the start before any. */
    public Instant simulatedTime() {
        return Instant.ofEpochMilli(lastAt);
    }

    public GeneratorConfig config() {
        return config;
    }

    private void advanceArrival() {
        if (config.maxDossiers() > 0 && submitted >= config.maxDossiers()) {
            arrivalsOpen = false;
            return;
        }
        nextArrivalAt = arrivals.next();
        nextArrivalChannel = arrivals.channel();
        if (nextArrivalAt >= submitUntil) {
            arrivalsOpen = false;
        }
    }
}
