package io.dossierpulse.domain.calendar;

/**
 * A date of the Vietnamese lunar calendar (âm lịch).
 *
 * @param year  the lunar year, named by the Gregorian year in which its first month begins
 * @param month 1-12; a leap month repeats the number of the month before it
 * @param day   1-30
 * @param leap  whether the month is the intercalary (nhuận) one
 */
public record LunarDate(int year, int month, int day, boolean leap) {

    public LunarDate {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("not a lunar date: " + year + "-" + month + "-" + day);
        }
    }

    @Override
    public String toString() {
        return day + "/" + month + (leap ? " nhuận" : "") + "/" + year;
    }
}
