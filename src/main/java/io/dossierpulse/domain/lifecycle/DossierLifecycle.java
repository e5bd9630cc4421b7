package io.dossierpulse.domain.lifecycle;

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

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.EventType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The legal transitions between portal statuses 1-10, driven by event types (docs/domain.md,
 * "Dossier lifecycle"). The whole policy is the {@link #RULES} declaration below; everything else
 * is derived from it once, at class load, into a table of shared {@link Transition} instances so
 * that applying an event is an array lookup.
 */
public final class DossierLifecycle {

    /** Contract names of the fields some event types require. */
    public static final String CHANNEL = "channel";
    public static final String TO_AGENCY_CODE = "toAgencyCode";
    public static final String NEW_DUE_AT = "newDueAt";

    /**
     * For each state (null: a dossier not seen yet), the event types it accepts. Final statuses
     * list none. The resulting status is the event type's own ({@link EventType#resultingStatus()}),
     * except APOLOGY_ISSUED, which keeps the current one.
     */
    private static final Object[][] RULES = {
        {null,                                 SUBMITTED, ACCEPTED},
        {DossierStatus.SUBMITTED,              ACCEPTED, NOT_ACCEPTED, WITHDRAWN},
        {DossierStatus.ACCEPTED,               PROCESSING, TRANSFERRED, SUPPLEMENT_REQUESTED, FEE_REQUESTED,
                                               RESOLVED, RESULT_RETURNED, WITHDRAWN, STOPPED, APOLOGY_ISSUED},
        {DossierStatus.PROCESSING,             PROCESSING, TRANSFERRED, SUPPLEMENT_REQUESTED, FEE_REQUESTED,
                                               RESOLVED, RESULT_RETURNED, WITHDRAWN, STOPPED, APOLOGY_ISSUED},
        {DossierStatus.SUPPLEMENT_REQUESTED,   SUPPLEMENT_RECEIVED, WITHDRAWN, STOPPED, APOLOGY_ISSUED},
        {DossierStatus.FEE_REQUESTED,          FEE_PAID, WITHDRAWN, STOPPED, APOLOGY_ISSUED},
        {DossierStatus.RESOLVED,               RESULT_RETURNED},
        {DossierStatus.NOT_ACCEPTED},
        {DossierStatus.WITHDRAWN},
        {DossierStatus.STOPPED},
        {DossierStatus.RESULT_RETURNED},
    };

    private static final EventType[] TYPES = EventType.values();
    private static final DossierStatus[] STATUSES = DossierStatus.values();

    /** Row 0 is "no state yet"; row n is the status with portal code n. Columns are type ordinals. */
    private static final Transition[][] TABLE = new Transition[11][TYPES.length];
    private static final Set<EventType>[] ALLOWED = newAllowedRows();
    private static final Map<EventType, Transition> MISSING = new EnumMap<>(EventType.class);

    static {
        build();
        missing(SUBMITTED, CHANNEL);
        missing(ACCEPTED, CHANNEL);
        missing(TRANSFERRED, TO_AGENCY_CODE);
        missing(APOLOGY_ISSUED, NEW_DUE_AT);
    }

    private DossierLifecycle() {
    }

    /**
     * Applies an event type to a dossier's current status.
     *
     * @param current the dossier's status, or null when no event of the dossier was accepted yet
     * @param type    the event type, not null
     * @return a shared instance; never null
     */
    public static Transition apply(DossierStatus current, EventType type) {
        return TABLE[row(current)][type.ordinal()];
    }

    /**
     * Applies an event, checking first the fields its type requires: a malformed event is
     * reported as such whatever state the dossier is in.
     */
    public static Transition apply(DossierStatus current, DossierEvent event) {
        if (missingField(event) != null) {
            return MISSING.get(event.type());
        }
        return apply(current, event.type());
    }

    public static boolean isLegal(DossierStatus current, EventType type) {
        return apply(current, type).isLegal();
    }

    /** Whether a dossier with no state yet may begin with this type (SUBMITTED or ACCEPTED). */
    public static boolean isStartingType(EventType type) {
        return isLegal(null, type);
    }

    /** The event types accepted in a state (null: no state yet); an unmodifiable set. */
    public static Set<EventType> allowedFrom(DossierStatus current) {
        return ALLOWED[row(current)];
    }

    /**
     * The contract name of the field this type requires beyond the always-required ones:
     * {@value #CHANNEL} for SUBMITTED and ACCEPTED, {@value #TO_AGENCY_CODE} for TRANSFERRED,
     * {@value #NEW_DUE_AT} for APOLOGY_ISSUED; null for the other types.
     */
    public static String requiredField(EventType type) {
        return switch (type) {
            case SUBMITTED, ACCEPTED -> CHANNEL;
            case TRANSFERRED -> TO_AGENCY_CODE;
            case APOLOGY_ISSUED -> NEW_DUE_AT;
            default -> null;
        };
    }

    /**
     * The contract name of the type-specific field the event lacks, or null when it has what its
     * type requires. A blank toAgencyCode counts as missing.
     */
    public static String missingField(DossierEvent event) {
        return switch (event.type()) {
            case SUBMITTED, ACCEPTED -> event.channel() == null ? CHANNEL : null;
            case TRANSFERRED -> isBlank(event.toAgencyCode()) ? TO_AGENCY_CODE : null;
            case APOLOGY_ISSUED -> event.newDueAt() == null ? NEW_DUE_AT : null;
            default -> null;
        };
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static int row(DossierStatus status) {
        return status == null ? 0 : status.code();
    }

    @SuppressWarnings("unchecked")
    private static Set<EventType>[] newAllowedRows() {
        return (Set<EventType>[]) new Set<?>[11];
    }

    private static void build() {
        Transition[] legal = new Transition[11];
        for (DossierStatus s : STATUSES) {
            legal[s.code()] = Transition.legal(s);
        }
        boolean[] declared = new boolean[11];
        for (Object[] rule : RULES) {
            DossierStatus from = (DossierStatus) rule[0];
            int row = row(from);
            if (declared[row]) {
                throw new IllegalStateException("lifecycle rule declared twice for " + from);
            }
            declared[row] = true;
            EnumSet<EventType> allowed = EnumSet.noneOf(EventType.class);
            for (int i = 1; i < rule.length; i++) {
                allowed.add((EventType) rule[i]);
            }
            if (from != null && from.isFinal() != allowed.isEmpty()) {
                throw new IllegalStateException("final statuses, and only they, must allow nothing: " + from);
            }
            ALLOWED[row] = Set.copyOf(allowed);
            for (EventType type : TYPES) {
                TABLE[row][type.ordinal()] = allowed.contains(type)
                        ? legal[after(from, type).code()]
                        : rejection(from, type);
            }
        }
        for (int row = 0; row < declared.length; row++) {
            if (!declared[row]) {
                throw new IllegalStateException("no lifecycle rule for status code " + row);
            }
        }
    }

    private static DossierStatus after(DossierStatus from, EventType type) {
        DossierStatus to = type.resultingStatus();
        return to != null ? to : from;
    }

    private static Transition rejection(DossierStatus from, EventType type) {
        if (from == null) {
            return Transition.rejected(RejectionReason.NOT_STARTED,
                    type + " cannot start a dossier; the first event must be SUBMITTED or ACCEPTED");
        }
        String where = "status " + from.code() + " (" + from.label() + ")";
        if (from.isFinal()) {
            return Transition.rejected(RejectionReason.DOSSIER_ENDED,
                    type + " refused: the dossier ended in " + where);
        }
        return Transition.rejected(RejectionReason.ILLEGAL_TRANSITION,
                type + " is not allowed in " + where);
    }

    private static void missing(EventType type, String field) {
        MISSING.put(type, Transition.rejected(RejectionReason.MISSING_FIELD,
                type + " requires the field " + field));
    }
}
