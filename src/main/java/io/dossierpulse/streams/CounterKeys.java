package io.dossierpulse.streams;

import java.time.LocalDate;

/**
 * Key layout of the {@code counters} store: {@code date|agency|procedure}, the local date first
 * (ISO, so keys sort by date) and a bar between parts (codes never contain one). A prefix
 * {@code date|} selects a day, {@code date|agency|} a day of one agency. Only this class builds or
 * reads these keys; other packages go through {@link StoreQueries}.
 */
final class CounterKeys {

    static final char SEPARATOR = '|';

    private CounterKeys() {
    }

    static String key(String date, String agencyCode, String procedureCode) {
        return agencyDay(date, agencyCode) + SEPARATOR + procedureCode;
    }

    /** The publication key {@code date|agency}: a day of one agency, all procedures. */
    static String agencyDay(String date, String agencyCode) {
        return date + SEPARATOR + agencyCode;
    }

    static String dayPrefix(LocalDate date) {
        return date.toString() + SEPARATOR;
    }

    static String agencyDayPrefix(String agencyDay) {
        return agencyDay + SEPARATOR;
    }

    /** The {@code date|agency} part of a full key. */
    static String agencyDayOf(String key) {
        return key.substring(0, key.lastIndexOf(SEPARATOR));
    }

    static String procedureOf(String key) {
        return key.substring(key.lastIndexOf(SEPARATOR) + 1);
    }

    static long epochDayOf(String agencyDay) {
        return LocalDate.parse(agencyDay.substring(0, agencyDay.indexOf(SEPARATOR))).toEpochDay();
    }

    static String agencyOf(String agencyDay) {
        return agencyDay.substring(agencyDay.indexOf(SEPARATOR) + 1);
    }
}
