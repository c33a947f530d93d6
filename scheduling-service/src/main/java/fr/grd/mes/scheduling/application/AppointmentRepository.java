package fr.grd.mes.scheduling.application;

import fr.grd.mes.scheduling.domain.Appointment;
import fr.grd.mes.support.port.AggregateRepository;

import java.time.LocalDate;
import java.util.List;

/** Where appointments are kept, and the reads the booking and the advancement desk need. */
public interface AppointmentRepository extends AggregateRepository<Appointment> {
    /** Appointments that found no place yet (UNSCHEDULED). */
    List<Appointment> unscheduled();

    /** The appointments of one zone on one day ("tournée"), morning first. */
    List<Appointment> ofDay(String zone, LocalDate date);

    /** Appointments whose advancement is in {@code status}. */
    List<Appointment> withAdvancementStatus(String status);

    /** Ids of the appointments whose advancement is in one of {@code statuses}. */
    List<String> idsWithAdvancementStatus(String... statuses);

    /** Ids of the appointments that still owe charge-table changes (a decision stored, its places not yet moved). */
    List<String> idsOwingPlaceSteps();
}
