package fr.grd.mes.support.time;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Jours ouvrés": Monday to Friday minus the French public holidays (jollyday's national calendar, no
 * regional ones), in Europe/Paris. Used for the 2 (express) and 5 (standard) business-day deadlines and the
 * 1-business-day call-back window of the seed.
 */
public final class BusinessCalendar {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final HolidayManager holidays;

    public BusinessCalendar() {
        this.holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date);
    }

    /** The {@code n}-th business day strictly after {@code from} (n ≥ 1); from itself never counts. */
    public LocalDate addBusinessDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The French name of the public holiday on {@code date} ("Noël", "Lundi de Pâques"…), if it is one. */
    public java.util.Optional<String> holidayName(LocalDate date) {
        return holidays.getHolidays(date, date).stream().findFirst()
                .map(holiday -> holiday.getDescription(java.util.Locale.FRENCH));
    }

    /** The first business day on or after {@code date}. */
    public LocalDate nextBusinessDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
