package fr.grd.mes.scheduling.adapter.out.mongo;

import fr.grd.mes.scheduling.application.AppointmentRepository;
import fr.grd.mes.scheduling.domain.Appointment;
import fr.grd.mes.scheduling.domain.AppointmentStatus;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.mongo.MongoAggregateRepository;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/** Appointments in the {@code appointments} collection, one document each (state, outbox and inbox). */
@Repository
public class MongoAppointmentRepository extends MongoAggregateRepository<Appointment>
        implements AppointmentRepository {
    public static final String COLLECTION = "appointments";

    public MongoAppointmentRepository(AggregateStore store) {
        super(store, Appointment.class, COLLECTION);
    }

    @Override
    public List<Appointment> unscheduled() {
        return mongo().find(Query.query(Criteria.where("status").is(AppointmentStatus.UNSCHEDULED.name())),
                Appointment.class, COLLECTION);
    }

    @Override
    public List<Appointment> ofDay(String zone, LocalDate date) {
        return mongo().find(Query.query(Criteria.where("zone").is(zone).and("date").is(date))
                .with(Sort.by("slot", "_id")), Appointment.class, COLLECTION);
    }

    @Override
    public List<Appointment> withAdvancementStatus(String status) {
        return mongo().find(Query.query(Criteria.where("advancement.status").is(status)), Appointment.class,
                COLLECTION);
    }

    @Override
    public List<String> idsOwingPlaceSteps() {
        Query query = Query.query(Criteria.where("pendingPlaceSteps.0").exists(true));
        query.fields().include("_id");
        return mongo().find(query, Document.class, COLLECTION).stream().map(doc -> doc.getString("_id")).toList();
    }

    @Override
    public List<String> idsWithAdvancementStatus(String... statuses) {
        Query query = Query.query(Criteria.where("advancement.status").in((Object[]) statuses));
        query.fields().include("_id");
        return mongo().find(query, Document.class, COLLECTION).stream().map(doc -> doc.getString("_id")).toList();
    }
}
