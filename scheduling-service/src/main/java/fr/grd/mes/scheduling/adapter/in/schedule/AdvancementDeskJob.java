package fr.grd.mes.scheduling.adapter.in.schedule;

import fr.grd.mes.scheduling.application.AppointmentBooking;
import fr.grd.mes.scheduling.application.ExpressAdvancementDesk;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every period, reads the clock: places requests that were waiting for capacity, finds places for open
 * advancement windows and closes ended ones.
 */
@Component
public class AdvancementDeskJob {
    private final ExpressAdvancementDesk desk;
    private final AppointmentBooking booking;

    public AdvancementDeskJob(ExpressAdvancementDesk desk, AppointmentBooking booking) {
        this.desk = desk;
        this.booking = booking;
    }

    @Scheduled(fixedDelayString = "${mes.scheduler.period:PT1S}")
    public void run() {
        booking.placeUnscheduled();
        desk.sweep();
    }
}
