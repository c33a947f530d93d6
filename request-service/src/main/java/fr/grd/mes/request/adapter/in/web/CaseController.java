package fr.grd.mes.request.adapter.in.web;

import fr.grd.mes.request.application.CaseService;
import fr.grd.mes.request.domain.Case;
import fr.grd.mes.support.security.Caller;
import fr.grd.mes.support.web.ForbiddenException;
import fr.grd.mes.support.web.Violation;
import jakarta.validation.Validator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Suppliers' requests and cases over HTTP (DESIGN §6). */
@RestController
@RequestMapping("/api/v1")
public class CaseController {
    private final CaseService cases;
    private final Validator validator;

    public CaseController(CaseService cases, Validator validator) {
        this.cases = cases;
        this.validator = validator;
    }

    public record Created(String caseId, String status, CaseView.Deadlines deadlines) {
    }

    public record EscalationBody(String sgeCaseNumber, String caller) {
    }

    @PostMapping("/requests")
    public ResponseEntity<Created> create(@RequestBody CreateRequestBody body) {
        Caller caller = Caller.current();
        if (body.supplierId() != null && !caller.mayActFor(body.supplierId())) {
            throw new ForbiddenException("a supplier creates requests only for itself (" + caller.supplierId() + ")");
        }
        List<Violation> form = fr.grd.mes.support.web.Violations.of(validator.validate(body));
        Case created = cases.submit(body.toNewRequest(), form);
        CaseView view = CaseView.of(created);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + created.getId()))
                .body(new Created(created.getId(), view.status(), view.deadlines()));
    }

    @GetMapping("/cases/{caseId}")
    public CaseView get(@PathVariable String caseId) {
        return CaseView.of(visible(caseId));
    }

    @PostMapping("/cases/{caseId}/express-escalation")
    public CaseView escalate(@PathVariable String caseId, @RequestBody(required = false) EscalationBody body) {
        if (body != null && body.sgeCaseNumber() != null && !body.sgeCaseNumber().equals(caseId)) {
            throw new fr.grd.mes.support.web.ValidationFailedException(List.of(new Violation("sgeCaseNumber",
                    "must be the SGE case number of the initial request (" + caseId + ")")));
        }
        visible(caseId);
        return CaseView.of(cases.escalate(caseId, body == null ? null : body.caller()));
    }

    /** The case if the caller may see it; another supplier's case is "not found", exactly like a missing one. */
    private Case visible(String caseId) {
        Case found;
        try {
            found = cases.get(caseId);
        } catch (fr.grd.mes.support.web.NotFoundException missing) {
            throw new fr.grd.mes.support.web.NotFoundException("case " + caseId + " not found");
        }
        Caller.current().requireVisible(found.getSupplierId(), "case " + caseId);
        return found;
    }
}
