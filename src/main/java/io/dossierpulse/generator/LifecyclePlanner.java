package io.dossierpulse.generator;

import static io.dossierpulse.generator.OfficeHours.DAY;
import static io.dossierpulse.generator.OfficeHours.HOUR;
import static io.dossierpulse.generator.OfficeHours.MINUTE;
import static io.dossierpulse.generator.OfficeHours.WORKING_DAY;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureStep;
import io.dossierpulse.domain.sla.SlaLimit;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans the whole lifecycle of a dossier when it is submitted, from a random stream of its own
 * (seeded by the generator's seed and the dossier's ordinal), so the plan does not depend on what
 * other dossiers do.
 *
 * <p>Lifecycles follow these rules (a subset of the product's lifecycle table):
 * <pre>
 *   SUBMITTED -> NOT_ACCEPTED | WITHDRAWN | ACCEPTED                         (desk review)
 *   ACCEPTED  -> PROCESSING
 *   PROCESSING, TRANSFERRED, SUPPLEMENT_RECEIVED, FEE_PAID (status 4)
 *             -> TRANSFERRED | SUPPLEMENT_REQUESTED | FEE_REQUESTED | APOLOGY_ISSUED
 *              | RESOLVED | WITHDRAWN | STOPPED
 *   SUPPLEMENT_REQUESTED -> SUPPLEMENT_RECEIVED | WITHDRAWN | STOPPED
 *   FEE_REQUESTED        -> FEE_PAID
 *   RESOLVED  -> RESULT_RETURNED
 *   NOT_ACCEPTED, WITHDRAWN, STOPPED, RESULT_RETURNED end the dossier.
 * </pre>
 *
 * <p>Timing works on a "working time used" axis: the agency's work (positions of processing,
 * transfers, supplement requests, apology, fee request, resolution) is placed on that axis as a
 * share of the limit, then mapped to office hours. Applicant waits (supplement, payment) are wall
 * time; where they pause the clock they push the appointment ({@code dueAt}) later by their
 * working time, so being late or on time is decided by the planned share alone.
 */
final class LifecyclePlanner {

    private enum Fate { NORMAL, NOT_ACCEPTED, WITHDRAWN, STOPPED }

    private static final String[] NOT_ACCEPTED_REASONS = {
        "Hồ sơ không thuộc thẩm quyền giải quyết",
        "Hồ sơ không đủ thành phần theo quy định",
        "Thông tin kê khai không chính xác"};
    private static final String[] SUPPLEMENT_REASONS = {
        "Bổ sung bản sao giấy tờ còn thiếu",
        "Bổ sung, hoàn thiện tờ khai",
        "Bổ sung giấy tờ chứng minh theo quy định"};
    private static final String[] STOPPED_REASONS = {
        "Hồ sơ không đủ điều kiện giải quyết",
        "Quá thời hạn bổ sung hồ sơ"};
    private static final String WITHDRAWN_REASON = "Công dân đề nghị rút hồ sơ";
    private static final String APOLOGY_REASON = "Xin lỗi và hẹn lại ngày trả kết quả";
    private static final String FEE_REASON = "Thông báo nộp phí, lệ phí";
    private static final String TAX_REASON = "Thông báo thực hiện nghĩa vụ tài chính";

    private final GeneratorConfig config;
    private final ProcedureMix procedures;
    private final AgencyPicker picker;
    private final DossierPlan.Builder b = new DossierPlan.Builder();

    private final Milestones milestones = new Milestones();

    // the dossier being planned
    private SplittableRandom rnd;
    private Procedure procedure;
    private Channel channel;
    private Agency receiving;
    private Agency current;

    LifecyclePlanner(GeneratorConfig config, ProcedureMix procedures, AgencyPicker picker) {
        this.config = config;
        this.procedures = procedures;
        this.picker = picker;
    }

    DossierPlan plan(long ordinal, long submitAt, Channel submittedBy) {
        rnd = new SplittableRandom(dossierSeed(config.seed(), ordinal));
        procedure = procedures.pick(rnd);
        channel = submittedBy;
        receiving = picker.receiving(procedure, OfficeHours.localDay(submitAt), rnd);
        current = receiving;
        boolean fee = procedure.feeBearing();
        Boolean digitized = rnd.nextDouble() < digitizedShare(channel);
        boolean feeLater = fee && (procedure.feePausesClock() || rnd.nextDouble() < 0.15);
        Boolean paidUpFront = fee && !feeLater ? rnd.nextDouble() < paidOnlineShare(channel) : null;
        b.begin(ordinal, procedure.code(), channel, fee, digitized);
        emit(EventType.SUBMITTED, submitAt, null, 0, paidUpFront);

        Fate fate = fate(rnd.nextDouble());
        long reviewAt = reviewTime(submitAt);
        if (fate == Fate.NOT_ACCEPTED) {
            emit(EventType.NOT_ACCEPTED, reviewAt, pickOf(NOT_ACCEPTED_REASONS), 0, null);
            return b.build(dossierId(ordinal, submitAt));
        }
        if (fate == Fate.WITHDRAWN && channel != Channel.IN_PERSON && rnd.nextDouble() < 0.35) {
            emit(EventType.WITHDRAWN, submitAt + (long) ((reviewAt - submitAt) * uniform(0.2, 0.9)),
                    WITHDRAWN_REASON, 0, null);
            return b.build(dossierId(ordinal, submitAt));
        }
        long acceptedAt = b.at(reviewAt);
        long budget = budget(procedure.limit(), acceptedAt);
        long due = OfficeHours.addWorking(acceptedAt, budget);
        emit(EventType.ACCEPTED, acceptedAt, null, due, null);
        process(fate, feeLater, acceptedAt, budget, due);
        return b.build(dossierId(ordinal, submitAt));
    }

    private void process(Fate fate, boolean feeLater, long acceptedAt, long budget, long due) {
        boolean late = fate == Fate.NORMAL && rnd.nextDouble() < config.lateShare();
        double v = rnd.nextDouble();
        int rounds = v < config.twoSupplementShare() ? 2
                : v < config.twoSupplementShare() + config.oneSupplementShare() ? 1 : 0;
        long target = late ? budget + Math.max(20 * MINUTE, (long) (budget * uniform(0.03, 0.45)))
                : onTimeTarget(budget);
        // an applicant who never supplements: the dossier is stopped, or withdrawn
        boolean endsInSupplement = (fate == Fate.STOPPED && rnd.nextDouble() < 0.6)
                || (fate == Fate.WITHDRAWN && rnd.nextDouble() < 0.3);
        if (endsInSupplement && rounds == 0) {
            rounds = 1;
        }

        milestones.clear();
        long processingAt = (long) (target * uniform(0.01, 0.06));
        milestones.add(processingAt, Milestones.PROCESS, 0);
        List<ProcedureStep> steps = procedure.steps();
        long firstSegmentEnd = target;
        if (!steps.isEmpty()) {
            double total = 0;
            for (ProcedureStep s : steps) {
                total += allotmentWeight(s.allotment());
            }
            double cumulative = 0;
            for (int i = 0; i < steps.size(); i++) {
                long at = processingAt + (long) ((target - processingAt) * (cumulative / total));
                milestones.add(at, Milestones.STEP, i);
                if (i == 1) {
                    firstSegmentEnd = at;
                }
                cumulative += allotmentWeight(steps.get(i).allotment());
            }
        }
        // supplements are asked for early, within the first step and before any apology
        long supplementWindow = Math.max(0, Math.min(firstSegmentEnd, (long) (budget * 0.6)) - processingAt);
        for (int r = 0; r < rounds; r++) {
            milestones.add(processingAt + 1 + (long) (supplementWindow * uniform(0.1, 0.9)), Milestones.SUPPLEMENT, r);
        }
        if (late && rnd.nextDouble() < config.apologyShareOfLate()) {
            long before = Math.min((long) (budget * uniform(0.05, 0.3)), 4 * HOUR);
            milestones.add(Math.max(budget - before, processingAt + 1), Milestones.APOLOGY, 0);
        }
        if (feeLater) {
            long at = Math.max((long) (target * uniform(0.6, 0.92)), milestones.maxPosition() + MINUTE);
            if (at >= target) {
                target = at + 10 * MINUTE;
            }
            milestones.add(at, Milestones.FEE, 0);
        }
        if (fate == Fate.NORMAL || endsInSupplement) {
            milestones.add(target, Milestones.END, 0);
        } else {
            milestones.add(processingAt + 1 + (long) ((target - processingAt) * uniform(0.05, 0.95)), Milestones.END, 0);
        }
        milestones.sort();
        walk(fate, late, endsInSupplement, rounds, acceptedAt, budget, due, target);
    }

    private void walk(Fate fate, boolean late, boolean endsInSupplement, int rounds,
                      long acceptedAt, long budget, long due, long target) {
        long t = acceptedAt;
        long used = 0;
        int supplementsLeft = rounds;
        for (int m = 0; m < milestones.size(); m++) {
            long at = milestones.position(m);
            if (at > used) {
                t = OfficeHours.addWorking(t, at - used);
                used = at;
            } else {
                // work due at once after an applicant's evening reply waits for the office to open
                t = OfficeHours.nextOpen(t);
            }
            switch (milestones.kind(m)) {
                case Milestones.PROCESS -> t = emit(EventType.PROCESSING, t, null, 0, null);
                case Milestones.STEP -> t = transfer(procedure.steps().get(milestones.arg(m)), t);
                case Milestones.SUPPLEMENT -> {
                    t = emit(EventType.SUPPLEMENT_REQUESTED, t, pickOf(SUPPLEMENT_REASONS), 0, null);
                    supplementsLeft--;
                    if (endsInSupplement && supplementsLeft == 0) {
                        long end = OfficeHours.nextOpen(t + (long) (uniform(10, 30) * DAY));
                        if (fate == Fate.STOPPED) {
                            emit(EventType.STOPPED, end, STOPPED_REASONS[1], 0, null);
                        } else {
                            emit(EventType.WITHDRAWN, end, WITHDRAWN_REASON, 0, null);
                        }
                        return;
                    }
                    long back = t + applicantWait();
                    if (channel != Channel.ONLINE) {
                        back = OfficeHours.nextOpen(back);
                    }
                    back = b.at(back);
                    due = OfficeHours.addWorking(due, OfficeHours.workingBetween(t, back));
                    t = emit(EventType.SUPPLEMENT_RECEIVED, back, null, due, null);
                }
                case Milestones.APOLOGY -> {
                    long overshoot = target - budget;
                    boolean kept = rnd.nextDouble() < 0.8;
                    long extra = kept ? (long) (overshoot * uniform(1.3, 2.5)) + 2 * HOUR
                            : (long) (overshoot * uniform(0.3, 0.8));
                    long newDue = OfficeHours.addWorking(due, Math.max(extra, MINUTE));
                    if (kept) {
                        newDue = OfficeHours.endOfWorkingDay(newDue - 1);
                    }
                    t = emit(EventType.APOLOGY_ISSUED, t, APOLOGY_REASON, newDue, null);
                }
                case Milestones.FEE -> {
                    boolean pauses = procedure.feePausesClock();
                    t = emit(EventType.FEE_REQUESTED, t, pauses ? TAX_REASON : FEE_REASON, 0, null);
                    boolean online = rnd.nextDouble() < payOnlineAfterRequest(channel);
                    long paidAt = online ? t + (long) (uniform(0.2, 20) * HOUR)
                            : OfficeHours.nextOpen(t + (long) (uniform(4, 72) * HOUR));
                    paidAt = b.at(paidAt);
                    long waited = OfficeHours.workingBetween(t, paidAt);
                    if (!pauses && !late && used + waited > budget - 2 * MINUTE) {
                        // the clock runs while the applicant pays: an on-time plan pays in time
                        long room = Math.max(0, budget - 2 * MINUTE - used);
                        paidAt = b.at(OfficeHours.addWorking(t, (long) (room * uniform(0.3, 0.9))));
                        waited = OfficeHours.workingBetween(t, paidAt);
                    }
                    long newDue = 0;
                    if (pauses) {
                        due = OfficeHours.addWorking(due, waited);
                        newDue = due;
                    } else {
                        used += waited;
                    }
                    t = emit(EventType.FEE_PAID, paidAt, null, newDue, online);
                }
                case Milestones.END -> {
                    if (fate == Fate.NORMAL) {
                        t = emit(EventType.RESOLVED, t, null, 0, null);
                        emit(EventType.RESULT_RETURNED, returnTime(t), null, 0, null);
                    } else if (fate == Fate.STOPPED) {
                        emit(EventType.STOPPED, t, STOPPED_REASONS[0], 0, null);
                    } else {
                        emit(EventType.WITHDRAWN, t, WITHDRAWN_REASON, 0, null);
                    }
                    return;
                }
                default -> throw new IllegalStateException("milestone kind " + milestones.kind(m));
            }
        }
    }

    /** Appends an event at the agency holding the dossier on that day; returns its time. */
    private long emit(EventType type, long t, String reason, long due, Boolean paidOnline) {
        long when = b.at(t);
        current = picker.holder(current, OfficeHours.localDay(when), rnd);
        return b.add(type, when, current.code(), reason, due, paidOnline);
    }

    /** Hands the dossier to the step's agency; no event when that is the current holder. */
    private long transfer(ProcedureStep step, long t) {
        long when = b.at(t);
        long day = OfficeHours.localDay(when);
        current = picker.holder(current, day, rnd);
        Agency to = picker.forStep(step, procedure, receiving, current, day, rnd);
        if (to.code().equals(current.code())) {
            return t;
        }
        when = b.add(EventType.TRANSFERRED, when, current.code(), to.code(), 0, null);
        current = to;
        return when;
    }

    /** When the desk decides on the dossier: at once in person, within office hours otherwise. */
    private long reviewTime(long submitAt) {
        return switch (channel) {
            case IN_PERSON -> submitAt + (long) (uniform(3, 25) * MINUTE);
            case POSTAL -> OfficeHours.addWorking(submitAt, (long) (uniform(0.5, 6) * HOUR));
            case ONLINE -> {
                if (!OfficeHours.isWorkingDay(OfficeHours.localDay(submitAt)) && rnd.nextDouble() < 0.12) {
                    // weekend duty at some desks
                    long t = submitAt + (long) (uniform(20, 300) * MINUTE);
                    long tod = OfficeHours.timeOfDay(t);
                    yield tod >= 7 * HOUR && tod < 20 * HOUR ? t
                            : OfficeHours.nextOpen(t) + (long) (uniform(0, 120) * MINUTE);
                }
                long delay = Math.min((long) (exponential(2.5) * HOUR), 14 * HOUR) + 5 * MINUTE;
                yield OfficeHours.addWorking(submitAt, delay);
            }
        };
    }

    private long returnTime(long resolvedAt) {
        return switch (channel) {
            case ONLINE -> resolvedAt + (long) (uniform(2, 180) * MINUTE);
            case IN_PERSON -> OfficeHours.addWorking(resolvedAt, (long) (uniform(10, 960) * MINUTE));
            case POSTAL -> OfficeHours.addWorking(resolvedAt, (long) (uniform(1, 8) * HOUR));
        };
    }

    /** Wall time an applicant takes to bring a supplement: mostly days, sometimes weeks. */
    private long applicantWait() {
        double days = Math.min(Math.max(exponential(2.5), 0.1), 20);
        return (long) (days * DAY);
    }

    /** Working time of the limit, from acceptance (same-day limits: to that day's or the next day's close). */
    private static long budget(SlaLimit limit, long acceptedAt) {
        return switch (limit.unit()) {
            case WORKING_DAYS -> limit.amount() * WORKING_DAY;
            case WORKING_HOURS -> limit.amount() * HOUR;
            case SAME_DAY -> {
                long open = OfficeHours.nextOpen(acceptedAt);
                boolean afterCutoff = limit.cutoff() != null
                        && OfficeHours.timeOfDay(open) > limit.cutoff().toSecondOfDay() * 1000L;
                long dueAt = afterCutoff ? OfficeHours.endOfNextWorkingDay(acceptedAt)
                        : OfficeHours.endOfWorkingDay(acceptedAt);
                yield Math.max(MINUTE, OfficeHours.workingBetween(acceptedAt, dueAt));
            }
        };
    }

    /** Weight of a step's allotment, to split the total time between steps. */
    private static double allotmentWeight(SlaLimit allotment) {
        return switch (allotment.unit()) {
            case WORKING_DAYS -> allotment.amount() * 8.0;
            case WORKING_HOURS -> allotment.amount();
            case SAME_DAY -> 8.0;
        };
    }

    /** Share of the limit an on-time dossier takes: most finish well before the due date. */
    private long onTimeTarget(long budget) {
        double f = 0.08 + 0.88 * Math.pow(rnd.nextDouble(), 1.5);
        long floor = Math.max(1, Math.min(10 * MINUTE, budget / 2));
        long ceiling = Math.max(floor, budget - MINUTE);
        return Math.min(Math.max((long) (budget * f), floor), ceiling);
    }

    private Fate fate(double u) {
        double na = config.notAcceptedShare();
        double wd = na + config.withdrawnShare();
        double st = wd + config.stoppedShare();
        return u < na ? Fate.NOT_ACCEPTED : u < wd ? Fate.WITHDRAWN : u < st ? Fate.STOPPED : Fate.NORMAL;
    }

    private static double digitizedShare(Channel c) {
        return switch (c) {
            case ONLINE -> 0.92;
            case IN_PERSON -> 0.70;
            case POSTAL -> 0.45;
        };
    }

    /** Share of fee-bearing dossiers paying online when the fee is settled at submission. */
    private static double paidOnlineShare(Channel c) {
        return switch (c) {
            case ONLINE -> 0.70;
            case IN_PERSON -> 0.12;
            case POSTAL -> 0.0;
        };
    }

    private static double payOnlineAfterRequest(Channel c) {
        return switch (c) {
            case ONLINE -> 0.80;
            case IN_PERSON -> 0.20;
            case POSTAL -> 0.05;
        };
    }

    private double uniform(double from, double to) {
        return from + (to - from) * rnd.nextDouble();
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - rnd.nextDouble());
    }

    private String pickOf(String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    /** "HN-2025-000001234": prefix, year of submission (Hanoi time), ordinal on nine digits. */
    private String dossierId(long ordinal, long submitAt) {
        int year = LocalDate.ofEpochDay(OfficeHours.localDay(submitAt)).getYear();
        String digits = Long.toString(ordinal);
        StringBuilder sb = new StringBuilder(config.idPrefix().length() + 16);
        sb.append(config.idPrefix()).append('-').append(year).append('-');
        for (int i = digits.length(); i < 9; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    /** A well-spread seed per dossier (SplitMix64 finaliser), so neighbouring ordinals are unrelated. */
    static long dossierSeed(long seed, long ordinal) {
        return mix64(mix64(seed) + 0x9E3779B97F4A7C15L * (ordinal + 1));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
