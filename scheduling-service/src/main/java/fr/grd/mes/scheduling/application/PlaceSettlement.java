package fr.grd.mes.scheduling.application;

import fr.grd.mes.scheduling.domain.Appointment;
import fr.grd.mes.scheduling.domain.ChargeTable;
import fr.grd.mes.scheduling.domain.PlaceStep;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Carries out the charge-table changes an appointment owes (recorded with the decision that owes them, in the same
 * write): after an advancement the new place is handed over and the initial one given back; after a maintained
 * date the proposed place goes back. A crash between the decision and the charge table leaves the steps recorded;
 * the desk's next pass replays them, and each is harmless to repeat.
 */
@Service
public class PlaceSettlement {
    private final AppointmentRepository appointments;
    private final ChargeTable chargeTable;

    public PlaceSettlement(AppointmentRepository appointments, ChargeTable chargeTable) {
        this.appointments = appointments;
        this.chargeTable = chargeTable;
    }

    /** Carries out what {@code appointmentId} owes, then records it done. */
    public void settle(String appointmentId) {
        List<PlaceStep> owed = appointments.find(appointmentId).map(Appointment::pendingPlaceSteps).orElse(List.of());
        if (owed.isEmpty()) {
            return;
        }
        owed.forEach(step -> step.applyTo(chargeTable));
        appointments.retrying(() -> {
            Appointment fresh = appointments.find(appointmentId).orElseThrow();
            fresh.placeStepsDone(owed);
            return appointments.update(fresh);
        });
    }

    /** Replays what every appointment still owes (after a crash between a decision and the charge table). */
    public int settleAll() {
        List<String> owing = appointments.idsOwingPlaceSteps();
        owing.forEach(this::settle);
        return owing.size();
    }
}
