package io.dossierpulse.streams;

import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.dossier.Effects;
import io.dossierpulse.domain.indicators.Tally;
import java.time.LocalDate;

/**
 * Turns a decision's counter deltas into counter-store additions (one per local date touched) and
 * keeps this task's share of the open-dossier gauges. The last key is reused: a partition's events
 * mostly fall on the same day, agency and procedure in a row.
 */
final class TaskCounts {

    private final PipelineMetrics metrics;
    private final long[] openByStatus = new long[11];
    private final Tally delta = new Tally();
    private CounterStore counters;
    private long lastDay = Long.MIN_VALUE;
    private String lastDate;
    private long keyDay = Long.MIN_VALUE;
    private String keyAgency;
    private String keyProcedure;
    private String key;
    private String agencyDay;

    TaskCounts(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    void start(CounterStore store) {
        this.counters = store;
    }

    /** Adds the decision's deltas to the counters, grouped by local date and agency. */
    void add(Effects fx, CounterPublication publication) {
        int n = fx.counts();
        for (int i = 0; i < n; i++) {
            long day = fx.countDay(i);
            String agency = fx.countAgency(i);
            if (seenBefore(fx, i, day, agency)) {
                continue;
            }
            delta.clear();
            for (int j = i; j < n; j++) {
                if (fx.countDay(j) == day && fx.countAgency(j).equals(agency)) {
                    delta.add(fx.countMeasure(j), fx.countDelta(j));
                }
            }
            keyFor(day, agency, fx.procedureCode());
            counters.add(key, delta);
            publication.changed(agencyDay, delta);
        }
    }

    private static boolean seenBefore(Effects fx, int i, long day, String agency) {
        for (int j = 0; j < i; j++) {
            if (fx.countDay(j) == day && fx.countAgency(j).equals(agency)) {
                return true;
            }
        }
        return false;
    }

    private void keyFor(long day, String agency, String procedure) {
        if (day == keyDay && agency.equals(keyAgency) && procedure.equals(keyProcedure)) {
            return;
        }
        if (day != lastDay) {
            lastDay = day;
            lastDate = LocalDate.ofEpochDay(day).toString();
        }
        keyDay = day;
        keyAgency = agency;
        keyProcedure = procedure;
        agencyDay = CounterKeys.agencyDay(lastDate, agency);
        key = CounterKeys.key(lastDate, agency, procedure);
    }

    void statusChanged(DossierStatus from, DossierStatus to) {
        if (from == to) {
            return;
        }
        if (from != null && !from.isFinal()) {
            openByStatus[from.code()]--;
        }
        if (to != null && !to.isFinal()) {
            openByStatus[to.code()]++;
        }
        metrics.statusChanged(from, to);
    }

    /** Takes this task's share out of the gauges (the task closes, is revived, or starts again). */
    void release() {
        for (int code = 1; code < openByStatus.length; code++) {
            metrics.openAdjust(code, -openByStatus[code]);
            openByStatus[code] = 0;
        }
    }
}
