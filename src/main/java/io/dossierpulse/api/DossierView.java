package io.dossierpulse.api;

import io.dossierpulse.domain.dossier.DossierState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A dossier as the lookup API shows it; times in Vietnam's offset. */
public record DossierView(
        String dossierId,
        int status,
        String statusName,
        String statusLabel,
        String agencyCode,
        String currentAgencyCode,
        String procedureCode,
        String channel,
        OffsetDateTime submittedAt,
        OffsetDateTime acceptedAt,
        OffsetDateTime endedAt,
        OffsetDateTime lastEventAt,
        long lastSeq,
        int transitions) {

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    public static DossierView of(DossierState s) {
        return new DossierView(s.dossierId(), s.status().code(), s.status().name(), s.status().label(),
                s.receivingAgencyCode(), s.currentAgencyCode(), s.procedureCode(),
                s.channel() == null ? null : s.channel().name(),
                time(s.submittedAtMillis()), time(s.acceptedAtMillis()), time(s.endedAtMillis()),
                time(s.lastEventAtMillis()), s.lastSeq(), s.transitions());
    }

    private static OffsetDateTime time(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis).atOffset(VIETNAM);
    }
}
