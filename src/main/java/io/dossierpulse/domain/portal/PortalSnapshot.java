package io.dossierpulse.domain.portal;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierStatus;
import java.time.Instant;
import java.util.List;

/**
 * What one national-portal sync item says of a dossier, stripped of everything personal: a
 * {@code DongBoHoSoMC} item (the dossier as a whole) or a {@code CapNhatTienDoHoSoMC} item (its
 * current step only). Dates are instants; absent ones are null.
 *
 * @param progress      true for a progress update: it carries only the dossier, the status and when
 * @param procedureCode MaTTHC (null on a progress update)
 * @param agencyCode    the agency code DonViXuLy was resolved to (null on a progress update)
 * @param channel       KenhThucHien, else HinhThuc (null on a progress update)
 * @param submittedAt   NgayNopHoSo
 * @param acceptedAt    NgayTiepNhan
 * @param dueAt         NgayHenTra, the current appointment
 * @param endedAt       NgayKetThucXuLy
 * @param returnedAt    NgayTra
 * @param statusAt      ThoiDiemXuLy of a progress update (null on a DongBoHoSoMC item)
 * @param rounds        DanhSachHoSoBoSung, in the order the rounds were requested
 */
public record PortalSnapshot(
        boolean progress,
        String dossierId,
        String procedureCode,
        String agencyCode,
        DossierStatus status,
        Channel channel,
        Instant submittedAt,
        Instant acceptedAt,
        Instant dueAt,
        Instant endedAt,
        Instant returnedAt,
        Instant statusAt,
        List<SupplementRound> rounds) {

    /**
     * The national portal's view of a dossier as this service knows it (what {@code dossier.portal-out}
     * carries) right after {@code applied}: status, agency, channel, the dates of its steps and its
     * current appointment. The result is returned by the last transition a dossier makes, so NgayTra
     * is that event's time.
     */
    public static PortalSnapshot of(io.dossierpulse.domain.dossier.DossierState s,
            io.dossierpulse.domain.DossierEvent applied) {
        boolean ended = s.endedAtMillis() != 0 && s.status() != DossierStatus.SUBMITTED;
        Instant due = s.clock() == null ? null
                : s.clock().reappointedDueAt() != null ? s.clock().reappointedDueAt() : s.clock().dueAt();
        return new PortalSnapshot(false, s.dossierId(), s.procedureCode(), s.currentAgencyCode(), s.status(),
                s.channel() == null ? Channel.IN_PERSON : s.channel(), instant(s.submittedAtMillis()),
                instant(s.acceptedAtMillis()), due, ended ? instant(s.endedAtMillis()) : null,
                s.status() == DossierStatus.RESULT_RETURNED ? applied.occurredAt() : null, null, List.of());
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * One supplement round (an item of DanhSachHoSoBoSung).
     *
     * @param requestedAt NgayBoSung
     * @param receivedAt  NgayTiepNhanBoSung; null while the applicant has not supplied the papers
     * @param previousDue NgayHenTraTruoc
     * @param newDue      NgayHenTraMoi, the appointment the round re-issued
     */
    public record SupplementRound(Instant requestedAt, Instant receivedAt, Instant previousDue, Instant newDue) {
    }
}
