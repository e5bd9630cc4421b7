package io.dossierpulse.domain.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.EventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DossierLifecycleFieldsTest {

    private static final Instant AT = Instant.parse("2024-03-04T02:00:00Z");

    /** An event with every optional field set or every optional field null. */
    private static DossierEvent event(EventType type, boolean full) {
        return new DossierEvent("e-1", "HS-000001", 1, type, AT, "UBND-P-001", "HT-301",
                full ? Channel.ONLINE : null,
                null,
                full ? "CA-Q-001" : null,
                full ? AT.plusSeconds(86_400) : null,
                null, null, null, null);
    }

    @ParameterizedTest(name = "{0} requires {1}")
    @CsvSource(nullValues = "none", value = {
        "SUBMITTED,            channel",
        "ACCEPTED,             channel",
        "NOT_ACCEPTED,         none",
        "PROCESSING,           none",
        "TRANSFERRED,          toAgencyCode",
        "SUPPLEMENT_REQUESTED, none",
        "SUPPLEMENT_RECEIVED,  none",
        "FEE_REQUESTED,        none",
        "FEE_PAID,             none",
        "WITHDRAWN,            none",
        "STOPPED,              none",
        "RESOLVED,             none",
        "RESULT_RETURNED,      none",
        "APOLOGY_ISSUED,       newDueAt",
    })
    void requiredFieldPerType(EventType type, String field) {
        assertEquals(field, DossierLifecycle.requiredField(type));
        assertEquals(field, DossierLifecycle.missingField(event(type, false)));
        assertNull(DossierLifecycle.missingField(event(type, true)));
    }

    @Test
    void blankReceivingAgencyCountsAsMissing() {
        DossierEvent blank = new DossierEvent("e-2", "HS-000001", 3, EventType.TRANSFERRED, AT, "UBND-P-001",
                "HT-314", null, null, "  ", null, null, null, null, null);
        assertEquals(DossierLifecycle.TO_AGENCY_CODE, DossierLifecycle.missingField(blank));
    }

    @Test
    void channelIsNotRequiredOnLaterEvents() {
        DossierEvent resolved = event(EventType.RESOLVED, false);
        assertNull(DossierLifecycle.missingField(resolved));
        assertSame(DossierStatus.RESOLVED, DossierLifecycle.apply(DossierStatus.PROCESSING, resolved).status());
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"SUBMITTED", "ACCEPTED", "TRANSFERRED", "APOLOGY_ISSUED"})
    void missingFieldIsReportedBeforeTheStateIsConsidered(EventType type) {
        DossierEvent incomplete = event(type, false);
        String field = DossierLifecycle.requiredField(type);
        // whether the state would allow the type or not, the event itself is malformed
        for (DossierStatus from : new DossierStatus[] {null, DossierStatus.PROCESSING, DossierStatus.RESULT_RETURNED}) {
            Transition t = DossierLifecycle.apply(from, incomplete);
            assertEquals(RejectionReason.MISSING_FIELD, t.reason(), type + " from " + from);
            assertNull(t.status());
            assertTrue(t.message().contains(field), t.message());
            assertSame(t, DossierLifecycle.apply(from, incomplete));
        }
    }

    @Test
    void completeEventsFollowTheTable() {
        assertSame(DossierStatus.SUBMITTED, DossierLifecycle.apply(null, event(EventType.SUBMITTED, true)).status());
        assertSame(DossierStatus.ACCEPTED, DossierLifecycle.apply(null, event(EventType.ACCEPTED, true)).status());
        assertSame(DossierStatus.PROCESSING,
                DossierLifecycle.apply(DossierStatus.PROCESSING, event(EventType.TRANSFERRED, true)).status());
        assertSame(DossierStatus.SUPPLEMENT_REQUESTED,
                DossierLifecycle.apply(DossierStatus.SUPPLEMENT_REQUESTED, event(EventType.APOLOGY_ISSUED, true)).status());
        assertEquals(RejectionReason.NOT_STARTED,
                DossierLifecycle.apply(null, event(EventType.NOT_ACCEPTED, true)).reason());
        assertEquals(RejectionReason.ILLEGAL_TRANSITION,
                DossierLifecycle.apply(DossierStatus.RESOLVED, event(EventType.APOLOGY_ISSUED, true)).reason());
        assertEquals(RejectionReason.DOSSIER_ENDED,
                DossierLifecycle.apply(DossierStatus.WITHDRAWN, event(EventType.ACCEPTED, true)).reason());
    }
}
