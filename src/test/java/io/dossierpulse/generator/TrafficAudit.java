package io.dossierpulse.generator;

import static io.dossierpulse.domain.EventType.ACCEPTED;
import static io.dossierpulse.domain.EventType.APOLOGY_ISSUED;
import static io.dossierpulse.domain.EventType.FEE_PAID;
import static io.dossierpulse.domain.EventType.FEE_REQUESTED;
import static io.dossierpulse.domain.EventType.NOT_ACCEPTED;
import static io.dossierpulse.domain.EventType.PROCESSING;
import static io.dossierpulse.domain.EventType.RESOLVED;
import static io.dossierpulse.domain.EventType.RESULT_RETURNED;
import static io.dossierpulse.domain.EventType.STOPPED;
import static io.dossierpulse.domain.EventType.SUBMITTED;
import static io.dossierpulse.domain.EventType.SUPPLEMENT_RECEIVED;
import static io.dossierpulse.domain.EventType.SUPPLEMENT_REQUESTED;
import static io.dossierpulse.domain.EventType.TRANSFERRED;
import static io.dossierpulse.domain.EventType.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.lifecycle.DossierLifecycle;
import io.dossierpulse.domain.lifecycle.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Consumes generated events one at a time, checks each against the rules the generator promises,
 * and keeps counts for the statistical tests. Holds state only for open dossiers.
 *
 * <p>The lifecycle rules assumed (those documented on {@code LifecyclePlanner}):
 * SUBMITTED first; from SUBMITTED: ACCEPTED, NOT_ACCEPTED, WITHDRAWN; from ACCEPTED: PROCESSING;
 * in processing (status 4): TRANSFERRED, SUPPLEMENT_REQUESTED, FEE_REQUESTED, APOLOGY_ISSUED,
 * RESOLVED, WITHDRAWN, STOPPED; from SUPPLEMENT_REQUESTED: SUPPLEMENT_RECEIVED, WITHDRAWN, STOPPED;
 * from FEE_REQUESTED: FEE_PAID; from RESOLVED: RESULT_RETURNED. Every dossier of a bounded run
 * ends in NOT_ACCEPTED, WITHDRAWN, STOPPED or RESULT_RETURNED. Each sequence must also pass the
 * product's own lifecycle table ({@link DossierLifecycle}).
 */
final class TrafficAudit {

    static final ZoneOffset HANOI = ZoneOffset.ofHours(7);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final Pattern DOSSIER_ID = Pattern.compile("[A-Za-z0-9]{1,16}-\\d{4}-\\d{9,}");

    /** The assumed rules; the key null stands for a dossier not seen yet. */
    private static final Map<DossierStatus, Set<EventType>> RULES = new HashMap<>();

    static {
        RULES.put(null, EnumSet.of(SUBMITTED));
        RULES.put(DossierStatus.SUBMITTED, EnumSet.of(ACCEPTED, NOT_ACCEPTED, WITHDRAWN));
        RULES.put(DossierStatus.ACCEPTED, EnumSet.of(PROCESSING));
        RULES.put(DossierStatus.PROCESSING, EnumSet.of(TRANSFERRED, SUPPLEMENT_REQUESTED, FEE_REQUESTED,
                APOLOGY_ISSUED, RESOLVED, WITHDRAWN, STOPPED));
        RULES.put(DossierStatus.SUPPLEMENT_REQUESTED, EnumSet.of(SUPPLEMENT_RECEIVED, WITHDRAWN, STOPPED));
        RULES.put(DossierStatus.FEE_REQUESTED, EnumSet.of(FEE_PAID));
        RULES.put(DossierStatus.RESOLVED, EnumSet.of(RESULT_RETURNED));
    }

    /** What is remembered of an open dossier. */
    private static final class Track {
        long seq;
        DossierStatus status;
        Instant lastAt;
        Channel channel;
        Procedure procedure;
        String holder;
        Instant due;
        Instant dueAtAcceptance;
        int supplements;
        boolean apology;
    }

    private final AgencyDirectory directory;
    private final Function<String, Procedure> procedures;
    private final Map<String, Track> open = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private Instant lastAt = Instant.MIN;

    long events;
    long dossiers;
    final Map<Channel, Long> channels = new EnumMap<>(Channel.class);
    final Map<EventType, Long> endings = new EnumMap<>(EventType.class);
    final Map<EventType, Long> types = new EnumMap<>(EventType.class);
    final Map<AgencyLevel, Long> receivingLevels = new EnumMap<>(AgencyLevel.class);
    long accepted;
    long withOneSupplement;
    long withTwoSupplements;
    long resolved;
    long resolvedOnTime;
    long apologies;
    long acceptedInOfficeHours;
    long acceptedOnWeekend;
    long inPersonSubmitted;
    long inPersonSubmittedInOfficeHours;
    long transfers;
    long feeBearingDossiers;
    long digitizedDossiers;
    long reformHandovers;

    TrafficAudit(AgencyDirectory directory, Function<String, Procedure> procedures) {
        this.directory = directory;
        this.procedures = procedures;
    }

    /** Checks one event; fails the test at the first broken promise. */
    void accept(DossierEvent e) {
        events++;
        types.merge(e.type(), 1L, Long::sum);
        String why = e.eventId() + " " + e.type() + " at " + e.occurredAt();
        assertFalse(e.occurredAt().isBefore(lastAt), "out of order: " + why + " after " + lastAt);
        lastAt = e.occurredAt();
        assertTrue(e.eventId().length() <= 64, why);
        assertEquals(e.dossierId() + "-" + e.seq(), e.eventId(), why);
        assertTrue(DOSSIER_ID.matcher(e.dossierId()).matches(), why);
        assertNotNull(e.agencyCode(), why);
        assertNotNull(e.procedureCode(), why);
        LocalDate day = LocalDate.ofInstant(e.occurredAt(), HANOI);
        Agency agency = directory.byCode(e.agencyCode());
        assertNotNull(agency, why + ": unknown agency " + e.agencyCode());
        assertTrue(agency.isActiveOn(day), why + ": " + e.agencyCode() + " not active on " + day);
        assertFalse(agency.isRoot(), why);

        Track t = open.get(e.dossierId());
        if (t == null) {
            assertFalse(finished.contains(e.dossierId()), why + ": dossier already ended");
            assertEquals(1, e.seq(), why + ": the first event of a dossier has seq 1");
            t = new Track();
            t.procedure = procedures.apply(e.procedureCode());
            assertNotNull(t.procedure, why + ": unknown procedure");
            t.holder = e.agencyCode();
            open.put(e.dossierId(), t);
            dossiers++;
            receivingLevels.merge(agency.level(), 1L, Long::sum);
            checkReceivingLevel(t.procedure, agency, day, why);
        } else {
            assertEquals(t.seq + 1, e.seq(), why + ": seq not contiguous");
            assertTrue(e.occurredAt().isAfter(t.lastAt), why + ": not after the dossier's previous event");
            assertEquals(t.procedure.code(), e.procedureCode(), why);
            if (!t.holder.equals(e.agencyCode())) {
                // only a reorganisation may move a dossier without a transfer
                Agency previous = directory.byCode(t.holder);
                assertFalse(previous.isActiveOn(day), why + ": moved from " + t.holder + " without a transfer");
                reformHandovers++;
                t.holder = e.agencyCode();
            }
        }
        assertTrue(RULES.get(t.status).contains(e.type()), why + ": not allowed after " + t.status);
        Transition product = DossierLifecycle.apply(t.status, e);
        assertTrue(product.isLegal(), why + ": refused by the lifecycle table: " + product);
        checkFields(e, t, why);
        t.seq = e.seq();
        t.lastAt = e.occurredAt();
        t.status = product.status();
        if (t.status.isFinal()) {
            open.remove(e.dossierId());
            finished.add(e.dossierId());
            endings.merge(e.type(), 1L, Long::sum);
            if (t.dueAtAcceptance != null) {
                accepted++;
                if (t.supplements == 1) {
                    withOneSupplement++;
                } else if (t.supplements == 2) {
                    withTwoSupplements++;
                }
            }
        }
    }

    private void checkFields(DossierEvent e, Track t, String why) {
        long ms = e.occurredAt().toEpochMilli();
        switch (e.type()) {
            case SUBMITTED -> {
                assertNotNull(e.channel(), why);
                assertEquals(t.procedure.feeBearing(), e.feeRequired(), why);
                assertNotNull(e.digitized(), why);
                t.channel = e.channel();
                channels.merge(e.channel(), 1L, Long::sum);
                if (e.feeRequired()) {
                    feeBearingDossiers++;
                }
                if (e.digitized()) {
                    digitizedDossiers++;
                }
                if (e.channel() == Channel.IN_PERSON) {
                    inPersonSubmitted++;
                    if (OfficeHours.isOpen(ms)) {
                        inPersonSubmittedInOfficeHours++;
                    }
                }
                if (e.feeRequired() == Boolean.FALSE) {
                    assertNull(e.paidOnline(), why);
                }
            }
            case ACCEPTED -> {
                assertEquals(t.channel, e.channel(), why);
                assertNotNull(e.dueAt(), why);
                assertTrue(e.dueAt().isAfter(e.occurredAt()), why + ": due " + e.dueAt());
                t.due = e.dueAt();
                t.dueAtAcceptance = e.dueAt();
                if (OfficeHours.isOpen(ms) || OfficeHours.isOpen(ms - 30 * OfficeHours.MINUTE)) {
                    acceptedInOfficeHours++;
                }
                if (!OfficeHours.isWorkingDay(OfficeHours.localDay(ms))) {
                    acceptedOnWeekend++;
                }
            }
            case TRANSFERRED -> {
                assertNotNull(e.toAgencyCode(), why);
                assertNotEquals(e.agencyCode(), e.toAgencyCode(), why);
                Agency to = directory.byCode(e.toAgencyCode());
                assertNotNull(to, why + ": unknown receiving agency");
                assertTrue(to.isActiveOn(LocalDate.ofInstant(e.occurredAt(), HANOI)), why);
                assertTrue(t.procedure.interAgency(), why + ": transfer of a single-agency procedure");
                t.holder = e.toAgencyCode();
                transfers++;
            }
            case SUPPLEMENT_REQUESTED -> {
                t.supplements++;
                assertNotNull(e.reason(), why);
            }
            case SUPPLEMENT_RECEIVED -> {
                assertNotNull(e.dueAt(), why + ": a supplement round re-issues the due date");
                assertFalse(e.dueAt().isBefore(t.due), why + ": due moved earlier");
                t.due = e.dueAt();
            }
            case FEE_REQUESTED -> {
                assertTrue(t.procedure.feeBearing(), why + ": fee for a free procedure");
                assertEquals(Boolean.TRUE, e.feeRequired(), why);
            }
            case FEE_PAID -> {
                assertNotNull(e.paidOnline(), why);
                if (e.dueAt() != null) {
                    assertTrue(t.procedure.feePausesClock(), why);
                    assertFalse(e.dueAt().isBefore(t.due), why);
                    t.due = e.dueAt();
                }
            }
            case APOLOGY_ISSUED -> {
                assertNotNull(e.newDueAt(), why);
                assertTrue(e.occurredAt().isBefore(t.due), why + ": apology after the due date " + t.due);
                assertTrue(e.newDueAt().isAfter(t.due), why + ": new appointment not after " + t.due);
                assertFalse(t.apology, why + ": second apology");
                t.apology = true;
                apologies++;
            }
            case RESOLVED -> {
                resolved++;
                if (!e.occurredAt().isAfter(t.due)) {
                    resolvedOnTime++;
                }
            }
            default -> {
                // PROCESSING, RESULT_RETURNED and the endings carry no extra field
            }
        }
        if (e.type() != SUBMITTED && e.type() != ACCEPTED) {
            assertNull(e.channel(), why);
        }
        if (e.type() != TRANSFERRED) {
            assertNull(e.toAgencyCode(), why);
        }
        if (e.type() != APOLOGY_ISSUED) {
            assertNull(e.newDueAt(), why);
        }
        if (e.type() == NOT_ACCEPTED || e.type() == WITHDRAWN || e.type() == STOPPED) {
            assertNotNull(e.reason(), why);
        }
    }

    /** The desk that receives a dossier is at the procedure's level, or the level that took it over. */
    private void checkReceivingLevel(Procedure p, Agency agency, LocalDate day, String why) {
        AgencyLevel expected = p.level();
        if (expected == AgencyLevel.DISTRICT && !day.isBefore(REFORM)) {
            expected = AgencyLevel.COMMUNE;
        }
        assertEquals(expected, agency.level(), why + ": " + p.code() + " received at " + agency.code());
    }

    /** Number of dossiers still open: zero after a bounded run has drained. */
    int openDossiers() {
        return open.size();
    }

    long count(EventType type) {
        return types.getOrDefault(type, 0L);
    }

    double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
