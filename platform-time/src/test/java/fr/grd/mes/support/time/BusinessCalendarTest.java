package fr.grd.mes.support.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTest {
    private final BusinessCalendar calendar = new BusinessCalendar();

    @ParameterizedTest(name = "{0} is a business day: {1} ({2})")
    @CsvSource({
            "2026-12-01, true,  an ordinary Tuesday",
            "2026-12-05, false, Saturday",
            "2026-12-06, false, Sunday",
            "2026-12-25, false, Christmas (Friday)",
            "2026-12-26, false, Saturday after Christmas: no Saint-Etienne outside Alsace-Moselle",
            "2027-01-01, false, New Year's Day",
            "2026-05-14, false, Ascension 2026",
            "2027-05-06, false, Ascension 2027",
            "2026-05-25, false, Whit Monday 2026",
            "2027-05-17, false, Whit Monday 2027",
            "2027-03-29, false, Easter Monday 2027",
            "2027-03-26, true,  Good Friday is not a national holiday",
            "2026-07-14, false, Bastille Day",
            "2026-11-11, false, Armistice",
            "2026-08-15, false, Assumption (Saturday)",
            "2026-11-02, true,  the Monday after All Saints' Day"
    })
    void businessDaysAreWeekdaysMinusFrenchPublicHolidays(LocalDate date, boolean businessDay, String why) {
        assertThat(calendar.isBusinessDay(date)).as(why).isEqualTo(businessDay);
    }

    @ParameterizedTest(name = "{1} business day(s) after {0} is {2} ({3})")
    @CsvSource({
            "2026-12-01, 2, 2026-12-03, Tuesday + 2 = Thursday",
            "2026-12-03, 2, 2026-12-07, Thursday + 2 skips the weekend",
            "2026-12-04, 5, 2026-12-11, Friday + 5 = next Friday",
            "2026-12-05, 2, 2026-12-08, received on Saturday: counted from Monday",
            "2026-12-24, 1, 2026-12-28, Christmas Eve + 1 skips Christmas and the weekend",
            "2026-12-23, 2, 2026-12-28, Wednesday + 2 skips Christmas",
            "2026-12-30, 2, 2027-01-04, year end + 2 skips New Year's Day and the weekend",
            "2026-12-24, 5, 2027-01-01, 2027-01-01 is never returned",
            "2026-05-13, 1, 2026-05-15, the day before Ascension + 1 is Friday",
            "2026-05-22, 1, 2026-05-26, Friday before Whit Monday + 1 is Tuesday",
            "2027-05-05, 2, 2027-05-10, Ascension Thursday 2027 skipped"
    })
    void addingBusinessDaysSkipsWeekendsAndHolidays(LocalDate from, int days, LocalDate expected, String why) {
        if (why.contains("never returned")) {
            assertThat(calendar.addBusinessDays(from, days)).isNotEqualTo(LocalDate.of(2027, 1, 1))
                    .isEqualTo(LocalDate.of(2027, 1, 4));
            return;
        }
        assertThat(calendar.addBusinessDays(from, days)).as(why).isEqualTo(expected);
    }
}
