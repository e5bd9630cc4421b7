package io.dossierpulse.api;

import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.sla.SlaClock;
import io.dossierpulse.domain.sla.SlaEngine;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A dossier as the lookup API shows it; times in Vietnam's offset.
 *
 * @param standing     the final outcome once ended (EARLY, ON_TIME, LATE, or UNTRACKED without any due),
 *                     else IN_PROGRESS_ON_TIME or IN_PROGRESS_OVERDUE now; UNTRACKED while open without a due
 * @param dueAt        the procedure's due as it stands now (an ongoing pause counted)
 * @param sourceDueAt  the appointment the source system gave (its latest dueAt), beside the computed one
 * @param sourceReappointedDueAt the new appointment of the source's latest apology as given (newDueAt);
 *                     reappointedDueAt is that date as it stands (moved by a pause after the apology,
 *                     or the first date where a later apology was beyond the limit)
 * @param registeredProcedure whether the procedure code is in the catalog (else counted as unregistered)
 * @param reappointments new appointments given (apologies), those beyond the configured limit included
 * @param lateSteps    the inter-agency steps (0 first) judged late at their end
 */
public record DossierView(
        String dossierId,
        int status,
        String statusName,
        String statusLabel,
        String agencyCode,
        String currentAgencyCode,
        String procedureCode,
        boolean registeredProcedure,
        String channel,
        OffsetDateTime submittedAt,
        OffsetDateTime acceptedAt,
        OffsetDateTime endedAt,
        OffsetDateTime lastEventAt,
        long lastSeq,
        int transitions,
        String standing,
        OffsetDateTime clockStart,
        OffsetDateTime dueAt,
        OffsetDateTime sourceDueAt,
        OffsetDateTime reappointedDueAt,
        OffsetDateTime sourceReappointedDueAt,
        boolean paused,
        int supplementRequests,
        int reappointments,
        int step,
        OffsetDateTime stepDueAt,
        java.util.List<Integer> lateSteps) {

    private static final ZoneOffset VIETNAM = io.dossierpulse.domain.calendar.WorkingCalendar.OFFSET;

    public static DossierView of(DossierState s, SlaEngine engine) {
        SlaClock c = s.clock();
        Instant now = Instant.now();
        String standing = s.outcome() != null ? s.outcome().name()
                : c == null ? (s.acceptedAtMillis() == 0 ? null : io.dossierpulse.domain.sla.Outcome.UNTRACKED.name())
                : c.status(now, engine).name();
        java.util.List<Integer> late = new java.util.ArrayList<>();
        for (int i = 0; c != null && i <= Math.min(c.stepIndex(), 30); i++) {
            if (c.stepLate(i)) {
                late.add(i);
            }
        }
        return new DossierView(s.dossierId(), s.status().code(), s.status().name(), s.status().label(),
                s.receivingAgencyCode(), s.currentAgencyCode(), s.procedureCode(),
                s.has(DossierState.Flag.REGISTERED),
                s.channel() == null ? null : s.channel().name(),
                time(s.submittedAtMillis()), time(s.acceptedAtMillis()), time(s.endedAtMillis()),
                time(s.lastEventAtMillis()), s.lastSeq(), s.transitions(), standing,
                c == null ? null : at(c.clockStart()),
                c == null ? null : at(s.ended() ? c.dueAt() : c.dueAsOf(now, engine)),
                at(s.sourceDueAt()),
                c == null ? null : at(c.reappointedDueAsOf(now, engine)),
                at(s.sourceNewDueAt()),
                c != null && c.paused(),
                c == null ? 0 : c.supplementRequests(),
                c == null ? 0 : c.reappointments(),
                c == null ? 0 : c.stepIndex(),
                c == null ? null : at(c.stepDueAt()),
                java.util.List.copyOf(late));
    }

    private static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(VIETNAM);
    }

    private static OffsetDateTime time(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis).atOffset(VIETNAM);
    }
}
