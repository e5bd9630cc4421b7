package io.dossierpulse.domain.dossier;

import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.lifecycle.RejectionReason;
import io.dossierpulse.domain.sla.SlaEventType;
import java.util.Arrays;

/**
 * What one decision of the {@link DossierLedger} changes: the verdict, the state to store, the
 * counter deltas and the announcements. One buffer per stream task, cleared and refilled for each
 * decision, so the per-event path allocates no effect objects; the adapters read it and persist.
 *
 * <p>Every counter delta of one decision belongs to the same dossier, hence to one procedure; it is
 * kept under the receiving agency, except an inter-agency step's judgement, kept under the agency that
 * held the step ({@link #countAgency}).
 */
public final class Effects {

    /** What happened to the event (a deadline firing is always APPLIED). */
    public enum Verdict { APPLIED, DUPLICATE, HELD, REJECTED }

    private Verdict verdict;
    private DossierState next;
    private RejectionReason rejection;
    private String message;

    private String procedureCode;
    private int counts;
    private String[] countAgencies = new String[16];
    private long[] countDays = new long[16];
    private Measure[] countMeasures = new Measure[16];
    private long[] countDeltas = new long[16];

    private int announcements;
    private SlaEventType[] types = new SlaEventType[4];
    private DossierState[] announced = new DossierState[4];
    private long[] deadlineSeconds = new long[4];
    private long[] dueSeconds = new long[4];
    private long[] detectedAtMillis = new long[4];
    private long[] overdueMinutes = new long[4];
    private boolean[] apologyRequired = new boolean[4];

    /** Empties the buffer for the next decision (references dropped so nothing is kept alive). */
    public Effects clear() {
        verdict = null;
        next = null;
        rejection = null;
        message = null;
        Arrays.fill(countAgencies, 0, counts, null);
        counts = 0;
        procedureCode = null;
        Arrays.fill(announced, 0, announcements, null);
        announcements = 0;
        return this;
    }

    // ------------------------------------------------------------ written by the ledger

    void verdict(Verdict v) {
        this.verdict = v;
    }

    void next(DossierState s) {
        this.next = s;
    }

    void reject(RejectionReason reason, String why) {
        this.verdict = Verdict.REJECTED;
        this.rejection = reason;
        this.message = why;
    }

    void count(String agency, String procedure, long epochDay, Measure measure, long delta) {
        if (counts == countDays.length) {
            countAgencies = Arrays.copyOf(countAgencies, counts * 2);
            countDays = Arrays.copyOf(countDays, counts * 2);
            countMeasures = Arrays.copyOf(countMeasures, counts * 2);
            countDeltas = Arrays.copyOf(countDeltas, counts * 2);
        }
        procedureCode = procedure;
        countAgencies[counts] = agency;
        countDays[counts] = epochDay;
        countMeasures[counts] = measure;
        countDeltas[counts] = delta;
        counts++;
    }

    void announce(SlaEventType type, DossierState state, long deadlineSecond, long dueSecond, long detectedAt,
            long overdue, boolean apology) {
        if (announcements == types.length) {
            int n = announcements * 2;
            types = Arrays.copyOf(types, n);
            announced = Arrays.copyOf(announced, n);
            deadlineSeconds = Arrays.copyOf(deadlineSeconds, n);
            dueSeconds = Arrays.copyOf(dueSeconds, n);
            detectedAtMillis = Arrays.copyOf(detectedAtMillis, n);
            overdueMinutes = Arrays.copyOf(overdueMinutes, n);
            apologyRequired = Arrays.copyOf(apologyRequired, n);
        }
        int i = announcements++;
        types[i] = type;
        announced[i] = state;
        deadlineSeconds[i] = deadlineSecond;
        dueSeconds[i] = dueSecond;
        detectedAtMillis[i] = detectedAt;
        overdueMinutes[i] = overdue;
        apologyRequired[i] = apology;
    }

    // ------------------------------------------------------------ read by the adapters

    public Verdict verdict() {
        return verdict;
    }

    /** The state to store, or null when the stored state stays as it is. */
    public DossierState next() {
        return next;
    }

    public RejectionReason rejection() {
        return rejection;
    }

    public String message() {
        return message;
    }

    public int counts() {
        return counts;
    }

    /** The agency a counter delta is kept under: the receiving one, or for a step's judgement the step's. */
    public String countAgency(int i) {
        return countAgencies[i];
    }

    /** The procedure of every counter delta of this decision. */
    public String procedureCode() {
        return procedureCode;
    }

    public long countDay(int i) {
        return countDays[i];
    }

    public Measure countMeasure(int i) {
        return countMeasures[i];
    }

    public long countDelta(int i) {
        return countDeltas[i];
    }

    public int announcements() {
        return announcements;
    }

    public SlaEventType type(int i) {
        return types[i];
    }

    /** The dossier as it stood when the announcement was made. */
    public DossierState announced(int i) {
        return announced[i];
    }

    /** The deadline passed (or, for RESOLVED_LATE, the end), epoch second. */
    public long deadlineSecond(int i) {
        return deadlineSeconds[i];
    }

    /** The due the announcement is about (the procedure's, or the re-appointment's), epoch second. */
    public long dueSecond(int i) {
        return dueSeconds[i];
    }

    public long detectedAtMillis(int i) {
        return detectedAtMillis[i];
    }

    public long overdueMinutes(int i) {
        return overdueMinutes[i];
    }

    public boolean apologyRequired(int i) {
        return apologyRequired[i];
    }
}
