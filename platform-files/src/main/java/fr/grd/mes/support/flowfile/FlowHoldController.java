package fr.grd.mes.support.flowfile;

import fr.grd.mes.support.security.Caller;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.outcome.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The operators' view of the records set aside from suppliers' flow files ({@link FlowHolds}): list them with
 * the reason, repair a record's text (the characters a flow file cannot carry are removed from the stored
 * record), and release it into the supplier's next file. A release is refused (409, with the reason) while the
 * record still cannot be written.
 */
@RestController
@RequestMapping("/api/v1/flow-holds")
public class FlowHoldController {
    private final FlowFileExporter exporter;
    private final Clock clock;

    public FlowHoldController(FlowFileExporter exporter, Clock clock) {
        this.exporter = exporter;
        this.clock = clock;
    }

    @GetMapping
    public List<FlowHolds.Hold> list(@RequestParam(required = false) FlowHolds.Status status,
                                     @RequestParam(required = false) String flow) {
        return exporter.holds().list(status, flow);
    }

    @GetMapping("/{id}")
    public FlowHolds.Hold one(@PathVariable String id) {
        return hold(id);
    }

    /** Removes from the stored record the characters a flow file cannot carry, then releases it. */
    @PostMapping("/{id}/repair")
    public Map<String, Object> repair(@PathVariable String id) {
        FlowHolds.Hold hold = hold(id);
        int changed = exporter.repairText(hold.flow(), hold.recordId());
        FlowHolds.Hold released = release(hold);
        return Map.of("valuesRepaired", changed, "hold", released);
    }

    @PostMapping("/{id}/release")
    public FlowHolds.Hold release(@PathVariable String id) {
        return release(hold(id));
    }

    private FlowHolds.Hold release(FlowHolds.Hold hold) {
        if (hold.status() != FlowHolds.Status.HELD) {
            throw new Conflict("record " + hold.recordId() + " is " + hold.status() + ", not HELD");
        }
        exporter.problemOf(hold.supplierId(), hold.flow(), hold.recordId()).ifPresent(problem -> {
            throw new Conflict("record " + hold.recordId() + " still cannot be written: " + problem);
        });
        exporter.holds().released(hold.id(), Caller.current().subject(), clock.instant());
        return hold(hold.id());
    }

    private FlowHolds.Hold hold(String id) {
        return exporter.holds().find(id).orElseThrow(() -> new NotFound("no held record " + id));
    }
}
