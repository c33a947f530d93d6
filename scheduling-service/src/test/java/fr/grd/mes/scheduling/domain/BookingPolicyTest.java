package fr.grd.mes.scheduling.domain;

import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.Version;
import fr.grd.mes.support.time.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BookingPolicyTest {
    private final BookingPolicy policy = new BookingPolicy(new BusinessCalendar());
    private static final LocalDate EXPRESS_DEADLINE = LocalDate.of(2026, 12, 3);

    /**
     * Conservatory means "no place free": the booking lands after the express deadline although the request asked
     * for a date within it — whatever the version. A client who chose a later date is option 1 at that date.
     */
    @ParameterizedTest(name = "{0}: {1} asked {2} {3}, booked {4} {5} → {6}")
    @CsvSource({
            "option 1: rendez-vous disponible sous 2 jours ouvrés,       EXPRESS,  2026-12-03, AM, 2026-12-03, AM, REQUESTED",
            "option 1 with the slot full: next free within 2 days,       EXPRESS,  2026-12-03, AM, 2026-12-03, PM, NEXT_FREE",
            "option 2: pas de rendez-vous sous 2 jours ouvrés,            EXPRESS,  2026-12-03, AM, 2026-12-04, AM, CONSERVATORY",
            "standard with nothing free within 2 days: conservatory too,     STANDARD, 2026-12-03, AM, 2026-12-08, PM, CONSERVATORY",
            "standard: the requested slot,                                STANDARD, 2026-12-02, AM, 2026-12-02, AM, REQUESTED",
            "the client chose a later date although places were free: option 1,    EXPRESS,  2026-12-08, AM, 2026-12-08, AM, REQUESTED",
            "a later date chosen and that slot full: next free after it,    EXPRESS,  2026-12-08, AM, 2026-12-08, PM, NEXT_FREE"
    })
    void theBookedSlotGivesTheKindOfAppointment(String branch, Version version, LocalDate requested, Slot requestedSlot,
                                                LocalDate booked, Slot slot, AppointmentKind expected) {
        assertThat(policy.kindOf(new SlotKey("Z", booked, slot), requested, requestedSlot, version, EXPRESS_DEADLINE))
                .as(branch).isEqualTo(expected);
    }

    @Test
    void candidatesStartAtTheRequestedSlotAndSkipWeekendsAndHolidays() {
        List<SlotKey> candidates = policy.candidates("Z", LocalDate.of(2026, 12, 24), Slot.PM,
                LocalDate.of(2026, 12, 20), 2);
        assertThat(candidates).extracting(k -> k.date() + " " + k.slot()).containsExactly(
                "2026-12-24 PM", "2026-12-28 AM", "2026-12-28 PM", "2026-12-29 AM", "2026-12-29 PM");
    }

    @Test
    void aRequestedDateInThePastStartsToday() {
        List<SlotKey> candidates = policy.candidates("Z", LocalDate.of(2026, 12, 1), Slot.AM,
                LocalDate.of(2026, 12, 2), 1);
        assertThat(candidates.get(0).date()).isEqualTo(LocalDate.of(2026, 12, 2));
    }
}
