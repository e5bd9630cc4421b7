package io.dossierpulse.bench;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.sla.SlaEngine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Pre-built dossiers that each go through the same four events, the usual path with one supplement:
 * ACCEPTED, SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, RESOLVED. Event {@code i} of the arrays is
 * step {@code i & 3} of dossier {@code i >> 2}. Procedures come from the bundled catalog and agencies
 * from the bundled directory, so limits, inter-agency steps and code lengths are the real ones.
 */
final class Dossiers {

    static final EventType[] SCRIPT = {
        EventType.ACCEPTED, EventType.SUPPLEMENT_REQUESTED, EventType.SUPPLEMENT_RECEIVED, EventType.RESOLVED,
    };
    static final int STEPS = SCRIPT.length;

    private static final String[] SUPPLEMENT_REASONS = {
        "Thiếu bản sao giấy khai sinh",
        "Tờ khai chưa có chữ ký của người yêu cầu",
        "Bổ sung bản chụp căn cước công dân",
    };
    private static final DateTimeFormatter DOSSIER_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    /** The procedure of each dossier. */
    final Procedure[] procedures;
    /** Every dossier's events, in script order. */
    final DossierEvent[] events;

    private Dossiers(Procedure[] procedures, DossierEvent[] events) {
        this.procedures = procedures;
        this.events = events;
    }

    static Dossiers build(SplittableRandom rnd) {
        List<Procedure> catalog = ProcedureCatalog.loadDefault().all();
        List<Agency> agencies = AgencyDirectory.loadDefault().all();
        Instant[] acceptances = Workload.instantsAcrossYear(rnd);
        SlaEngine engine = SlaEngine.standard();
        int count = Workload.SIZE / STEPS;
        Procedure[] procedures = new Procedure[count];
        DossierEvent[] events = new DossierEvent[Workload.SIZE];
        for (int d = 0; d < count; d++) {
            Procedure p = catalog.get(rnd.nextInt(catalog.size()));
            procedures[d] = p;
            String agency = agencies.get(rnd.nextInt(agencies.size())).code();
            Instant accepted = acceptances[d];
            LocalDate day = accepted.atOffset(WorkingCalendar.OFFSET).toLocalDate();
            String dossierId = String.format("000.%02d.%02d.H26-%s-%04d",
                    rnd.nextInt(100), rnd.nextInt(100), DOSSIER_DATE.format(day), rnd.nextInt(10_000));
            Instant due = engine.due(accepted, p.limit()).dueAt();
            Channel channel = Channel.values()[rnd.nextInt(3)];
            boolean online = channel == Channel.ONLINE;
            boolean digitized = online || rnd.nextBoolean();
            // Acceptance may be at any hour (online); officials act in office hours: the request
            // within days, the citizen's answer within two weeks, the decision within three.
            Instant requested = Workload.officeTimeAfter(accepted, rnd, 0, 3);
            Instant received = Workload.officeTimeAfter(requested, rnd, 1, 14);
            Instant resolved = Workload.officeTimeAfter(received, rnd, 0, 21);
            Instant[] at = {accepted, requested, received, resolved};
            for (int s = 0; s < STEPS; s++) {
                EventType type = SCRIPT[s];
                boolean intake = type == EventType.ACCEPTED;
                // The fee flags are sent at intake; later events repeat only the appointment and digitized.
                events[d * STEPS + s] = new DossierEvent(
                        new UUID(rnd.nextLong(), rnd.nextLong()).toString(),
                        dossierId,
                        s + 1,
                        type,
                        at[s],
                        agency,
                        p.code(),
                        intake ? channel : null,
                        due,
                        null,
                        null,
                        intake ? p.feeBearing() : null,
                        intake ? p.feeBearing() && online : null,
                        digitized,
                        type == EventType.SUPPLEMENT_REQUESTED
                                ? SUPPLEMENT_REASONS[rnd.nextInt(SUPPLEMENT_REASONS.length)] : null);
            }
        }
        return new Dossiers(procedures, events);
    }
}
