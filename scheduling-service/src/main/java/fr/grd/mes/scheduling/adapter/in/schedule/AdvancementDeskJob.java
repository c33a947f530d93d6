package fr.grd.mes.scheduling.adapter.in.schedule;

import fr.grd.mes.scheduling.application.AppointmentBooking;
import fr.grd.mes.scheduling.application.ExpressAdvancementDesk;
import fr.grd.mes.scheduling.application.PlaceHolds;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every period, reads the clock: gives back the places of expired holds, places requests that were waiting for capacity, finds places for open
 * advancement windows and closes ended ones.
 */
@Component
public class AdvancementDeskJob {
    private final ExpressAdvancementDesk desk;
    private final AppointmentBooking booking;
    private final PlaceHolds holds;

    public AdvancementDeskJob(ExpressAdvancementDesk desk, AppointmentBooking booking, PlaceHolds holds) {
        this.desk = desk;
        this.booking = booking;
        this.holds = holds;
    }

    @Scheduled(fixedDelayString = "${mes.scheduler.period:PT5S}")
    public void run() {
        holds.releaseDue();
        booking.placeUnscheduled();
        desk.sweep();
    }
}
