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
            // Realistic gaps: the request within days, the citizen's answer within a week or two.
            Instant requested = Workload.later(accepted, rnd, 3_600, 3 * 86_400);
            Instant received = Workload.later(requested, rnd, 3_600, 10 * 86_400);
            Instant resolved = Workload.later(received, rnd, 3_600, 15 * 86_400);
            Instant[] at = {accepted, requested, received, resolved};
            for (int s = 0; s < STEPS; s++) {
                EventType type = SCRIPT[s];
                events[d * STEPS + s] = new DossierEvent(
                        new UUID(rnd.nextLong(), rnd.nextLong()).toString(),
                        dossierId,
                        s + 1,
                        type,
                        at[s],
                        agency,
                        p.code(),
                        type == EventType.ACCEPTED ? channel : null,
                        due,
                        null,
                        null,
                        p.feeBearing(),
                        p.feeBearing() && online,
                        online || rnd.nextBoolean(),
                        type == EventType.SUPPLEMENT_REQUESTED
                                ? SUPPLEMENT_REASONS[rnd.nextInt(SUPPLEMENT_REASONS.length)] : null);
            }
        }
        return new Dossiers(procedures, events);
    }
}
