package io.dossierpulse.domain.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random event sequences: properties of the lifecycle that must hold on every path, not
 * just on the cells checked one by one.
 */
class DossierLifecycleWalkTest {

    private static final long SEED = 0x5EEDL;
    private static final int WALKS = 2_000;
    private static final EventType[] TYPES = EventType.values();

    @Test
    void everyLegalPathRespectsTheDomainRules() {
        SplittableRandom random = new SplittableRandom(SEED);
        int ended = 0;
        for (int walk = 0; walk < WALKS; walk++) {
            DossierStatus status = null;
            boolean accepted = false;
            int supplementRounds = 0;
            List<EventType> path = new ArrayList<>();
            for (int step = 0; step < 40; step++) {
                EventType type = TYPES[random.nextInt(TYPES.length)];
                Transition t = DossierLifecycle.apply(status, type);
                String where = "seed " + SEED + " walk " + walk + " path " + path + " + " + type;
                if (!t.isLegal()) {
                    if (status == null) {
                        assertEquals(RejectionReason.NOT_STARTED, t.reason(), where);
                    } else if (status.isFinal()) {
                        assertEquals(RejectionReason.DOSSIER_ENDED, t.reason(), where);
                    } else {
                        assertEquals(RejectionReason.ILLEGAL_TRANSITION, t.reason(), where);
                    }
                    continue;
                }
                path.add(type);
                DossierStatus before = status;
                status = t.status();
                if (type == EventType.APOLOGY_ISSUED) {
                    assertEquals(before, status, where);
                    // a re-appointment needs a running clock: accepted, and not yet resolved
                    assertTrue(accepted, where);
                } else {
                    assertEquals(type.resultingStatus(), status, where);
                }
                if (type == EventType.NOT_ACCEPTED) {
                    assertFalse(accepted, "refusal after acceptance, " + where);
                }
                if (type == EventType.RESOLVED || type == EventType.RESULT_RETURNED || type == EventType.STOPPED
                        || type == EventType.PROCESSING || type == EventType.TRANSFERRED
                        || type == EventType.SUPPLEMENT_REQUESTED || type == EventType.FEE_REQUESTED) {
                    assertTrue(accepted, "processing before acceptance, " + where);
                }
                if (type == EventType.SUPPLEMENT_RECEIVED) {
                    assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, before, where);
                }
                if (type == EventType.FEE_PAID) {
                    assertEquals(DossierStatus.FEE_REQUESTED, before, where);
                }
                if (type == EventType.SUPPLEMENT_REQUESTED) {
                    supplementRounds++;
                }
                if (type == EventType.ACCEPTED) {
                    accepted = true;
                }
                if (before == DossierStatus.RESOLVED) {
                    assertEquals(EventType.RESULT_RETURNED, type, where);
                }
            }
            if (status != null && status.isFinal()) {
                ended++;
                for (EventType type : TYPES) {
                    assertFalse(DossierLifecycle.isLegal(status, type), "seed " + SEED + " walk " + walk);
                }
            }
            if (supplementRounds > 1 && !path.contains(EventType.SUPPLEMENT_RECEIVED)) {
                fail("a second supplement round without the first being answered: seed " + SEED + " walk " + walk + " " + path);
            }
        }
        // the walks must actually exercise endings, or the properties above prove little
        assertTrue(ended > WALKS / 2, "only " + ended + " of " + WALKS + " walks ended");
    }
}
