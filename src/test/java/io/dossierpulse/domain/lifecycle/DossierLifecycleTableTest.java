package io.dossierpulse.domain.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.EventType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every (state, event type) pair against an expected grid written here independently of
 * the production declaration. A cell holds the resulting portal status code, or the rejection:
 * "-" illegal transition, "E" dossier ended, "N" not started.
 */
class DossierLifecycleTableTest {

    private static final String[] GRID = {
        //       SUB ACC NAC PRO TRF SRQ SRC FRQ FPD WDR STP RES RET APO
        "none:   1   2   N   N   N   N   N   N   N   N   N   N   N   N",
        "1:      -   2   3   -   -   -   -   -   -   7   -   -   -   -",
        "2:      -   -   -   4   4   5   -   6   -   7   8   9   10  2",
        "3:      E   E   E   E   E   E   E   E   E   E   E   E   E   E",
        "4:      -   -   -   4   4   5   -   6   -   7   8   9   10  4",
        "5:      -   -   -   -   -   -   4   -   -   7   8   -   -   5",
        "6:      -   -   -   -   -   -   -   -   4   7   8   -   -   6",
        "7:      E   E   E   E   E   E   E   E   E   E   E   E   E   E",
        "8:      E   E   E   E   E   E   E   E   E   E   E   E   E   E",
        "9:      -   -   -   -   -   -   -   -   -   -   -   -   10  -",
        "10:     E   E   E   E   E   E   E   E   E   E   E   E   E   E",
    };

    private static final EventType[] COLUMNS = {
        EventType.SUBMITTED, EventType.ACCEPTED, EventType.NOT_ACCEPTED, EventType.PROCESSING,
        EventType.TRANSFERRED, EventType.SUPPLEMENT_REQUESTED, EventType.SUPPLEMENT_RECEIVED,
        EventType.FEE_REQUESTED, EventType.FEE_PAID, EventType.WITHDRAWN, EventType.STOPPED,
        EventType.RESOLVED, EventType.RESULT_RETURNED, EventType.APOLOGY_ISSUED,
    };

    private static final Map<String, RejectionReason> SYMBOLS = Map.of(
            "-", RejectionReason.ILLEGAL_TRANSITION,
            "E", RejectionReason.DOSSIER_ENDED,
            "N", RejectionReason.NOT_STARTED);

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (String line : GRID) {
            String[] parts = line.split(":");
            DossierStatus from = parts[0].equals("none") ? null : DossierStatus.ofCode(Integer.parseInt(parts[0]));
            String[] symbols = parts[1].trim().split("\\s+");
            assertEquals(COLUMNS.length, symbols.length, "grid row " + parts[0]);
            for (int c = 0; c < COLUMNS.length; c++) {
                cells.add(Arguments.of(from == null ? "none" : from.name(), COLUMNS[c].name(), symbols[c]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("cells")
    void everyPairMatchesTheGrid(String fromName, String typeName, String expected) {
        DossierStatus from = fromName.equals("none") ? null : DossierStatus.valueOf(fromName);
        EventType type = EventType.valueOf(typeName);
        Transition t = DossierLifecycle.apply(from, type);
        assertNotNull(t);
        RejectionReason rejection = SYMBOLS.get(expected);
        if (rejection == null) {
            assertTrue(t.isLegal(), t.toString());
            assertEquals(DossierStatus.ofCode(Integer.parseInt(expected)), t.status());
            assertNull(t.reason());
            assertNull(t.message());
            assertTrue(DossierLifecycle.isLegal(from, type));
            assertTrue(DossierLifecycle.allowedFrom(from).contains(type));
        } else {
            assertFalse(t.isLegal(), t.toString());
            assertNull(t.status());
            assertEquals(rejection, t.reason());
            assertTrue(t.message().contains(type.name()), t.message());
            assertFalse(DossierLifecycle.allowedFrom(from).contains(type));
        }
    }

    @Test
    void gridCoversEveryStateAndEveryType() {
        assertEquals(DossierStatus.values().length + 1, GRID.length);
        assertEquals(EnumSet.allOf(EventType.class), EnumSet.copyOf(List.of(COLUMNS)));
        assertEquals(EventType.values().length, COLUMNS.length);
        assertEquals(DossierStatus.values().length * EventType.values().length + EventType.values().length,
                cells().count());
    }

    @Test
    void startingTypesAreSubmittedAndAccepted() {
        Set<EventType> starting = EnumSet.noneOf(EventType.class);
        for (EventType t : EventType.values()) {
            if (DossierLifecycle.isStartingType(t)) {
                starting.add(t);
            }
        }
        assertEquals(EnumSet.of(EventType.SUBMITTED, EventType.ACCEPTED), starting);
        assertEquals(starting, DossierLifecycle.allowedFrom(null));
    }

    @ParameterizedTest
    @EnumSource(DossierStatus.class)
    void finalStatusesRefuseEverythingAsEnded(DossierStatus status) {
        for (EventType t : EventType.values()) {
            Transition tr = DossierLifecycle.apply(status, t);
            if (status.isFinal()) {
                assertEquals(RejectionReason.DOSSIER_ENDED, tr.reason(), status + " " + t);
            } else {
                assertTrue(tr.reason() != RejectionReason.DOSSIER_ENDED, status + " " + t);
            }
        }
        assertEquals(status.isFinal(), DossierLifecycle.allowedFrom(status).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(DossierStatus.class)
    void apologyKeepsTheStatusWhereverItIsAllowed(DossierStatus status) {
        Transition t = DossierLifecycle.apply(status, EventType.APOLOGY_ISSUED);
        if (t.isLegal()) {
            assertSame(status, t.status());
        }
    }

    @Test
    void resultsAreSharedInstances() {
        for (EventType t : EventType.values()) {
            assertSame(DossierLifecycle.apply(null, t), DossierLifecycle.apply(null, t));
            for (DossierStatus s : DossierStatus.values()) {
                assertSame(DossierLifecycle.apply(s, t), DossierLifecycle.apply(s, t));
            }
        }
        // every legal move to the same status is one and the same object
        assertSame(DossierLifecycle.apply(DossierStatus.ACCEPTED, EventType.TRANSFERRED),
                DossierLifecycle.apply(DossierStatus.SUPPLEMENT_REQUESTED, EventType.SUPPLEMENT_RECEIVED));
    }

    @Test
    void allowedSetsAreUnmodifiable() {
        Set<EventType> allowed = DossierLifecycle.allowedFrom(DossierStatus.PROCESSING);
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> allowed.add(EventType.SUBMITTED));
    }
}
