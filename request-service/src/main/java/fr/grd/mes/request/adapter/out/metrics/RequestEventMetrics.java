package fr.grd.mes.request.adapter.out.metrics;

import fr.grd.mes.events.CaseClosed;
import fr.grd.mes.events.ExpressEscalated;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.metrics.PublishedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Requests by version, express escalations, cases closed by closure code: counted as they are published. */
@Component
public class RequestEventMetrics extends PublishedEvents {
    public RequestEventMetrics(MeterRegistry registry, EventJson json) {
        super(registry, json);
    }

    @Override
    protected void business(Object event) {
        if (event instanceof RequestCreated created) {
            count("mes.requests", "version", tag(created.version()));
        } else if (event instanceof ExpressEscalated) {
            count("mes.express.escalations");
        } else if (event instanceof CaseClosed closed) {
            count("mes.cases.closed", "closure", tag(closed.closureCode()));
        }
    }
}
