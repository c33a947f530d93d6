package fr.grd.mes.request.adapter.in.web;

import fr.grd.mes.request.application.CaseQueries;
import fr.grd.mes.request.application.CaseService;
import fr.grd.mes.request.domain.Case;
import fr.grd.mes.support.security.Caller;
import fr.grd.mes.support.outcome.Forbidden;
import fr.grd.mes.support.outcome.Violation;
import jakarta.validation.Validator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Suppliers' requests and cases over HTTP (DESIGN §6). */
@RestController
@RequestMapping("/api/v1")
public class CaseController {
    private final CaseService cases;
    private final CaseQueries queries;
    private final Validator validator;

    public CaseController(CaseService cases, CaseQueries queries, Validator validator) {
        this.cases = cases;
        this.queries = queries;
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
            throw new Forbidden("a supplier creates requests only for itself (" + caller.supplierId() + ")");
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

    /** Search by delivery point and/or supplier reference; a supplier finds only its own cases. */
    @GetMapping("/cases")
    public List<CaseView> search(@RequestParam(required = false) String pdl,
                                 @RequestParam(required = false) String externalReference,
                                 @RequestParam(defaultValue = "50") int limit) {
        List<Violation> violations = new java.util.ArrayList<>();
        if (pdl == null && externalReference == null) {
            violations.add(new Violation("pdl", "give a delivery point (pdl) and/or a supplier reference (externalReference)"));
        }
        if (pdl != null && !fr.grd.mes.events.Pdl.isValid(pdl)) {
            violations.add(new Violation("pdl", "must be 14 digits"));
        }
        if (externalReference != null && (externalReference.isBlank() || externalReference.length() > 64)) {
            violations.add(new Violation("externalReference", "must be 1 to 64 characters"));
        }
        if (limit < 1 || limit > 200) {
            violations.add(new Violation("limit", "pages hold 1 to 200 cases"));
        }
        if (!violations.isEmpty()) {
            throw new fr.grd.mes.support.outcome.Invalid(violations);
        }
        Caller caller = Caller.current();
        String onlySupplier = caller.seesAllSuppliers() ? null : caller.supplierId();
        if (!caller.seesAllSuppliers() && onlySupplier == null) {
            return List.of();
        }
        return queries.search(pdl, externalReference, onlySupplier, limit).stream().map(CaseView::of).toList();
    }

    /** The day's counters for the desk: requests, express advanced or maintained, completed or client absent. */
    @GetMapping("/statistics/daily")
    public CaseQueries.DailyCounters daily(@RequestParam LocalDate date) {
        return queries.daily(date);
    }

    @PostMapping("/cases/{caseId}/express-escalation")
    public CaseView escalate(@PathVariable String caseId, @RequestBody(required = false) EscalationBody body) {
        if (body != null && body.sgeCaseNumber() != null && !body.sgeCaseNumber().equals(caseId)) {
            throw new fr.grd.mes.support.outcome.Invalid(List.of(new Violation("sgeCaseNumber",
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
        } catch (fr.grd.mes.support.outcome.NotFound missing) {
            throw new fr.grd.mes.support.outcome.NotFound("case " + caseId + " not found");
        }
        Caller.current().requireVisible(found.getSupplierId(), "case " + caseId);
        return found;
    }
}
