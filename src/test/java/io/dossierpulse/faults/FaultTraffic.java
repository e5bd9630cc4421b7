package io.dossierpulse.faults;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fault suite's traffic and its closed form. Dossier {@code i} of procedure HT-304 (3 working
 * days) is accepted online at {@link #START} + i × step by one of four wards in two districts, and
 * then, by {@code i % 3}: stays open (announced AT_RISK and BREACHED), is resolved an hour later
 * (nothing announced), or is resolved ten days later (AT_RISK, BREACHED, RESOLVED_LATE). Events go
 * out in event-time order, so each partition's event time never passes a deadline before the
 * resolution that beats it; the open ones are announced once the partitions fall idle and the wall
 * clock (years later) takes over.
 */
final class FaultTraffic {

    static final Instant START = OffsetDateTime.parse("2025-03-03T08:00:00+07:00").toInstant();
    static final List<String> WARDS = List.of("P-BD-PHUCXA", "P-BD-TRUCBACH", "P-HK-HANGTRONG", "P-HK-TRANGTIEN");
    static final String PROCEDURE = "HT-304";
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 6, 30);

    private final String prefix;
    private final int dossiers;
    private final Duration step;
    private final List<DossierEvent> events = new ArrayList<>();

    FaultTraffic(String prefix, int dossiers, Duration step) {
        this.prefix = prefix;
        this.dossiers = dossiers;
        this.step = step;
        for (int i = 0; i < dossiers; i++) {
            events.add(event(i, 1, EventType.ACCEPTED, accepted(i)));
            Instant resolved = resolved(i);
            if (resolved != null) {
                events.add(event(i, 2, EventType.RESOLVED, resolved));
            }
        }
        events.sort(Comparator.comparing(DossierEvent::occurredAt));
    }

    String id(int i) {
        return prefix + "-" + i;
    }

    int dossiers() {
        return dossiers;
    }

    String ward(int i) {
        return WARDS.get(i % WARDS.size());
    }

    Instant accepted(int i) {
        return START.plus(step.multipliedBy(i));
    }

    /** When dossier i is resolved, or null when it stays open. */
    Instant resolved(int i) {
        return switch (i % 3) {
            case 0 -> null;
            case 1 -> accepted(i).plus(Duration.ofHours(1));
            default -> accepted(i).plus(Duration.ofDays(10));
        };
    }

    /** Every event, in event-time order. */
    List<DossierEvent> events() {
        return events;
    }

    static byte[] encode(EventCodec codec, DossierEvent e) {
        return codec.encode(e);
    }

    private DossierEvent event(int i, long seq, EventType type, Instant at) {
        String id = id(i);
        return new DossierEvent(id + "-" + seq, id, seq, type, at, ward(i), PROCEDURE,
                type == EventType.ACCEPTED ? Channel.ONLINE : null, null, null, null, null, null, null, null);
    }

    /** The SLA events announced in the end, as "dossier:KIND", each exactly once. */
    Map<String, Integer> slaEvents() {
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < dossiers; i++) {
            if (i % 3 == 1) {
                continue;
            }
            expected.put(id(i) + ":AT_RISK", 1);
            expected.put(id(i) + ":BREACHED", 1);
            if (i % 3 == 2) {
                expected.put(id(i) + ":RESOLVED_LATE", 1);
            }
        }
        return expected;
    }

    /** Each dossier's status code in the end. */
    int finalStatus(int i) {
        return (i % 3 == 0 ? DossierStatus.ACCEPTED : DossierStatus.RESOLVED).code();
    }

    /** The districts over the wards, and the city over all: their counters are the sums of the wards'. */
    static final Map<String, List<String>> ROLLUPS = Map.of("Q-BD", List.of("P-BD-PHUCXA", "P-BD-TRUCBACH"),
            "Q-HK", List.of("P-HK-HANGTRONG", "P-HK-TRANGTIEN"));

    /** What a ward's (or a district's, the sum of its wards') counters hold over the whole period, as the stats API names them. */
    Map<String, Long> counters(String scope) {
        List<String> wards = ROLLUPS.getOrDefault(scope, List.of(scope));
        Map<String, Long> c = new TreeMap<>();
        for (int i = 0; i < dossiers; i++) {
            if (wards.contains(ward(i))) {
                c.merge("received", 1L, Long::sum);
                c.merge("RECEIVED_ONLINE", 1L, Long::sum);
                c.merge(i % 3 == 0 ? "open" : "resolved", 1L, Long::sum);
                c.merge(switch (i % 3) {
                    case 0 -> "OPEN_OVERDUE";
                    case 1 -> "resolvedInTime";
                    default -> "RESOLVED_LATE";
                }, 1L, Long::sum);
            }
        }
        return c;
    }

    /** Dossiers received per day, city-wide. */
    Map<LocalDate, Long> receivedPerDay() {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (int i = 0; i < dossiers; i++) {
            perDay.merge(acceptedDay(i), 1L, Long::sum);
        }
        return perDay;
    }

    /** The day dossier i was accepted on, in Vietnamese local time. */
    LocalDate acceptedDay(int i) {
        return LocalDate.ofInstant(accepted(i), WorkingCalendar.ZONE);
    }
}
