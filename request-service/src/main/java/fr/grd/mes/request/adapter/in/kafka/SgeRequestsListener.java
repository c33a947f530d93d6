package fr.grd.mes.request.adapter.in.kafka;

import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.RequestRejected;
import fr.grd.mes.events.Topics;
import fr.grd.mes.request.adapter.in.web.CreateRequestBody;
import fr.grd.mes.request.application.CaseService;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.web.JsonErrors;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.Violation;
import fr.grd.mes.support.web.Violations;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The SGE portal's Kafka ingress: a request published on {@code sge.requests} becomes a case exactly as over
 * HTTP (same JSON, same validation, same case numbers), once per portal request id. A record that is
 * unreadable or invalid is answered on {@code sge.requests.rejected} with the reason, every bad field and the
 * original payload, then skipped: nothing is dropped silently and nothing blocks the partition.
 */
@Component
public class SgeRequestsListener {
    private final CaseService cases;
    private final Validator validator;
    private final JsonMapper mapper;
    private final KafkaTemplate<String, String> kafka;
    private final EventJson json;
    private final Clock clock;

    public SgeRequestsListener(CaseService cases, Validator validator, JsonMapper mapper,
                               KafkaTemplate<String, String> kafka, EventJson json, Clock clock) {
        this.cases = cases;
        this.validator = validator;
        this.mapper = mapper;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.SGE_REQUESTS, groupId = "request-service.sge-ingress")
    public void on(ConsumerRecord<String, String> record) throws Exception {
        String raw = record.value();
        CreateRequestBody body;
        try {
            body = mapper.readValue(raw == null ? "" : raw, CreateRequestBody.class);
        } catch (JacksonException unreadable) {
            reject(record.key(), "unreadable request", List.of(JsonErrors.violationOf(unreadable)), raw);
            return;
        }
        List<Violation> form = new ArrayList<>(Violations.of(validator.validate(body)));
        if (body.portalRequestId() == null) {
            form.add(new Violation("portalRequestId", "is required on the Kafka ingress (it makes publishing idempotent)"));
        }
        try {
            cases.submit(body.toNewRequest(), form);
        } catch (Invalid invalid) {
            reject(body.portalRequestId() != null ? body.portalRequestId() : record.key(), "invalid request",
                    invalid.violations(), raw);
        } catch (Conflict conflict) {
            reject(body.portalRequestId() != null ? body.portalRequestId() : record.key(), "conflict",
                    List.of(new Violation("pdl", conflict.getMessage())), raw);
        }
    }

    private void reject(String key, String reason, List<Violation> violations, String raw) throws Exception {
        RequestRejected rejected = new RequestRejected(key, reason,
                violations.stream().map(v -> new RequestRejected.FieldError(v.field(), v.reason())).toList(), raw,
                clock.instant());
        EventEnvelope<RequestRejected> envelope = EventEnvelope.of(EventTypes.REQUEST_REJECTED, key, key, null,
                clock.instant(), rejected);
        kafka.send(Topics.SGE_REQUESTS_REJECTED, key, json.write(envelope)).get(30, TimeUnit.SECONDS);
    }
}
