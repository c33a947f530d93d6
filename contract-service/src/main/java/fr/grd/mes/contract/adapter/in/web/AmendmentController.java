package fr.grd.mes.contract.adapter.in.web;

import fr.grd.mes.contract.adapter.out.pdf.AmendmentDocument;
import fr.grd.mes.contract.application.AmendmentDesk;
import fr.grd.mes.contract.domain.amendment.Amendment;
import fr.grd.mes.contract.domain.amendment.AmendmentTerms;
import fr.grd.mes.contract.domain.amendment.Annexe3;
import fr.grd.mes.contract.domain.amendment.ConnectionDiagram;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.NotFound;
import fr.grd.mes.support.outcome.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** "Avenant L. 342-2" amendments: drafting, the computed contribution, lifecycle actions and the PDF document. */
@RestController
@RequestMapping("/api/v1/amendments")
public class AmendmentController {
    private final AmendmentDesk desk;
    private final AmendmentDocument document;

    public AmendmentController(AmendmentDesk desk, AmendmentDocument document) {
        this.desk = desk;
        this.document = document;
    }

    public record AmendmentView(String id, String status, AmendmentTerms terms, Annexe3.Contribution contribution,
                                BigDecimal depositDue, BigDecimal mandataireWorks, List<Amendment.Piece> requiredPieces,
                                List<Amendment.Piece> receivedPieces, List<Amendment.Piece> missingPieces,
                                LocalDate issuedOn, LocalDate acceptedOn, BigDecimal depositCashed,
                                Boolean municipalityAgreed, LocalDate connectionAgreementDue,
                                LocalDate connectionAgreementDeliveredOn, boolean connectionAgreementOverdue,
                                BigDecimal refunded, BigDecimal depositPercentage, BigDecimal pracDeposit,
                                LocalDate firmUntil, LocalDate worksPlannedEnd, Balance balance,
                                BigDecimal finalMandataireWorks, BigDecimal creditedMandataireRefaction,
                                ConnectionDiagram connectionDiagram) {
        static AmendmentView of(Amendment a) {
            return new AmendmentView(a.getId(), a.getStatus().name(), a.getTerms(), a.contribution(), a.depositDue(),
                    a.mandataireWorks(), List.copyOf(a.requiredPieces()), a.getReceivedPieces(), a.missingPieces(),
                    a.getIssuedOn(), a.getAcceptedOn(), a.getDepositCashed(), a.getMunicipalityAgreed(),
                    a.getConnectionAgreementDue(), a.getConnectionAgreementDeliveredOn(),
                    a.isConnectionAgreementOverdue(), a.getRefunded(), a.depositPercentage(), a.pracDeposit(),
                    a.firmUntil(), a.getWorksPlannedEnd(), a.getBalanceInvoicedOn() == null ? null
                            : new Balance(a.getDistributorWorksCompletedOn(), a.getBalanceInvoiced(),
                            a.getBalanceInvoicedOn(), a.getBalanceDueOn(), a.getBalancePaidOn(), a.isBalanceOverdue(),
                            a.getBalanceRevision()), a.getFinalMandataireWorks(), a.getCreditedMandataireRefaction(),
                    a.getConnectionDiagram());
        }
    }

    /** §9: the balance invoiced at the end of the distributor's works, on the revision of §5.4. */
    public record Balance(LocalDate distributorWorksCompletedOn, BigDecimal amountInclTax, LocalDate invoicedOn,
                          LocalDate dueOn, LocalDate paidOn, boolean overdue, Amendment.PriceRevision revision) {
    }

    public record PieceBody(Amendment.Piece piece, LocalDate receivedOn) {
    }

    public record DecisionBody(Boolean agreed, LocalDate decidedOn) {
    }

    public record DeliveryBody(LocalDate deliveredOn) {
    }

    /** {@code vatRateChanges}: each Annexe 3 rate that changed, old → new ({@code newVatRate}: every rate to one). */
    public record RevisionBody(LocalDate requesterWorksFinishedOn, BigDecimal indexRatio, BigDecimal newVatRate,
                               List<VatRateChange> vatRateChanges) {
    }

    public record VatRateChange(BigDecimal from, BigDecimal to) {
    }

    public record ClaimBody(Boolean admissible) {
    }

    @PostMapping
    public ResponseEntity<AmendmentView> draft(@RequestBody AmendmentTerms terms) {
        Amendment a = desk.draft(terms);
        return ResponseEntity.created(URI.create("/api/v1/amendments/" + a.getId())).body(AmendmentView.of(a));
    }

    /** The desk's list, by state ({@code DRAFT, ISSUED, ACCEPTED, EXPIRED, VOIDED}; every state when absent). */
    @GetMapping
    public List<AmendmentView> list(@org.springframework.web.bind.annotation.RequestParam(required = false) String status,
                                    @org.springframework.web.bind.annotation.RequestParam(defaultValue = "100") int limit) {
        List<Violation> violations = new java.util.ArrayList<>();
        Amendment.Status wanted = null;
        if (status != null) {
            try {
                wanted = Amendment.Status.valueOf(status.toUpperCase());
            } catch (IllegalArgumentException unknown) {
                violations.add(new Violation("status", "one of " + java.util.Arrays.toString(Amendment.Status.values())));
            }
        }
        if (limit < 1 || limit > 500) {
            violations.add(new Violation("limit", "pages hold 1 to 500 amendments"));
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        return desk.list(wanted, limit).stream().map(AmendmentView::of).toList();
    }

    @GetMapping("/{id}")
    public AmendmentView get(@PathVariable String id) {
        return AmendmentView.of(desk.get(id));
    }

    @PostMapping("/{id}/issue")
    public AmendmentView issue(@PathVariable String id) {
        return AmendmentView.of(desk.issue(id));
    }

    @PostMapping("/{id}/pieces")
    public AmendmentView piece(@PathVariable String id, @RequestBody PieceBody body) {
        if (body.piece() == null) {
            throw new Invalid(List.of(new Violation("piece", "name the piece received")));
        }
        return AmendmentView.of(desk.receive(id, body.piece(), body.receivedOn()));
    }

    @PostMapping("/{id}/municipality-decision")
    public AmendmentView municipality(@PathVariable String id, @RequestBody DecisionBody body) {
        if (body.agreed() == null) {
            throw new Invalid(List.of(new Violation("agreed", "must be true or false")));
        }
        return AmendmentView.of(desk.municipalityDecision(id, body.agreed(), body.decidedOn()));
    }

    @PostMapping("/{id}/connection-agreement")
    public AmendmentView connectionAgreement(@PathVariable String id, @RequestBody(required = false) DeliveryBody body) {
        return AmendmentView.of(desk.connectionAgreementDelivered(id, body == null ? null : body.deliveredOn()));
    }

    @PostMapping("/{id}/price-revision")
    public Amendment.PriceRevision revise(@PathVariable String id, @RequestBody RevisionBody body) {
        requireRevisionInputs(body.requesterWorksFinishedOn(), body.indexRatio(),
                "give the date the requester's works finished");
        return desk.revise(id, body.requesterWorksFinishedOn(), body.indexRatio(), vatChanges(id, body.newVatRate(),
                body.vatRateChanges()));
    }

    /** §9: the distributor's works are finished; the balance (revised as §5.4 says) is invoiced, due 30 days later. */
    public record WorksCompletedBody(LocalDate completedOn, LocalDate requesterWorksFinishedOn, BigDecimal indexRatio,
                                     BigDecimal newVatRate, List<VatRateChange> vatRateChanges) {
    }

    public record PaymentBody(LocalDate paidOn) {
    }

    @PostMapping("/{id}/distributor-works-completed")
    public AmendmentView worksCompleted(@PathVariable String id, @RequestBody WorksCompletedBody body) {
        requireRevisionInputs(body.requesterWorksFinishedOn(), body.indexRatio(),
                "give the date the requester's works finished (it decides whether the amount is firm)");
        return AmendmentView.of(desk.distributorWorksCompleted(id, body.completedOn(), body.requesterWorksFinishedOn(),
                body.indexRatio(), vatChanges(id, body.newVatRate(), body.vatRateChanges())));
    }

    /** The Travaux Mandataire's final amount (HT) and the réfaction claimed on them. */
    public record FinalFiguresBody(BigDecimal mandataireWorksExclTax, BigDecimal claimedRefactionExclTax) {
    }

    @PostMapping("/{id}/final-figures")
    public AmendmentView finalFigures(@PathVariable String id, @RequestBody FinalFiguresBody body) {
        List<Violation> violations = new java.util.ArrayList<>();
        for (var field : List.of(java.util.Map.entry("mandataireWorksExclTax", java.util.Optional.ofNullable(
                body.mandataireWorksExclTax())), java.util.Map.entry("claimedRefactionExclTax",
                java.util.Optional.ofNullable(body.claimedRefactionExclTax())))) {
            BigDecimal value = field.getValue().orElse(null);
            if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 2
                    || value.compareTo(new BigDecimal("1000000000")) > 0) {
                violations.add(new Violation(field.getKey(), "an amount in € HT, in [0, 1 000 000 000] with at most 2 decimals"));
            }
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        return AmendmentView.of(desk.recordFinalFigures(id, body.mandataireWorksExclTax(), body.claimedRefactionExclTax()));
    }

    @PostMapping("/{id}/balance-payment")
    public AmendmentView balancePaid(@PathVariable String id, @RequestBody(required = false) PaymentBody body) {
        return AmendmentView.of(desk.balancePaid(id, body == null ? null : body.paidOn()));
    }

    /** The inputs of a §5.4 revision: the requester's works end date, and a positive index ratio when one is given. */
    private static void requireRevisionInputs(LocalDate requesterWorksFinishedOn, BigDecimal indexRatio,
                                              String missingDateReason) {
        if (requesterWorksFinishedOn == null) {
            throw new Invalid(List.of(new Violation("requesterWorksFinishedOn", missingDateReason)));
        }
        if (indexRatio != null && indexRatio.signum() <= 0) {
            throw new Invalid(List.of(new Violation("indexRatio", "must be positive; leave it out "
                    + "to use the loaded barème indexes")));
        }
    }

    private java.util.Map<BigDecimal, BigDecimal> vatChanges(String id, BigDecimal newVatRate,
                                                             List<VatRateChange> vatRateChanges) {
        java.util.Map<BigDecimal, BigDecimal> changes = new java.util.LinkedHashMap<>();
        List<Violation> violations = new java.util.ArrayList<>();
        if (newVatRate != null && vatRateChanges != null) {
            violations.add(new Violation("newVatRate", "give either one new rate for all or vatRateChanges, not both"));
        }
        if (newVatRate != null) {
            validRate("newVatRate", newVatRate, violations);
            desk.get(id).contribution().vatByRate().keySet().forEach(rate -> changes.put(rate, newVatRate));
        }
        if (vatRateChanges != null) {
            for (int i = 0; i < vatRateChanges.size(); i++) {
                VatRateChange change = vatRateChanges.get(i);
                if (change == null || change.from() == null || change.to() == null) {
                    violations.add(new Violation("vatRateChanges[" + i + "]", "give the old rate (from) and the new (to)"));
                    continue;
                }
                validRate("vatRateChanges[" + i + "].from", change.from(), violations);
                validRate("vatRateChanges[" + i + "].to", change.to(), violations);
                changes.put(change.from(), change.to());
            }
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        return changes;
    }

    private static void validRate(String field, BigDecimal rate, List<Violation> violations) {
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation(field, "a VAT rate is a percentage in [0, 100] with at most 2 decimals"));
        }
    }

    public record IndexBody(BigDecimal value) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/bareme-index/{month}")
    public Map<String, BigDecimal> loadIndex(@PathVariable java.time.YearMonth month, @RequestBody IndexBody body) {
        if (body.value() == null || body.value().signum() <= 0) {
            throw new Invalid(List.of(new Violation("value", "a barème index is positive")));
        }
        desk.loadBaremeIndex(month, body.value());
        return desk.baremeIndexes();
    }

    @GetMapping("/bareme-index")
    public Map<String, BigDecimal> indexes() {
        return desk.baremeIndexes();
    }

    @PostMapping("/{id}/late-delivery-claim")
    public Map<String, BigDecimal> claim(@PathVariable String id, @RequestBody ClaimBody body) {
        return Map.of("indemnity", desk.lateDeliveryClaim(id, Boolean.TRUE.equals(body.admissible())));
    }

    @GetMapping(value = "/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> document(@PathVariable String id) {
        Amendment a = desk.get(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"avenant-L342-2-" + id + ".pdf\"")
                .body(document.render(a, desk.connectionDiagram(a)));
    }

    /**
     * Annexe 2: the connection diagram (APS) of a draft, as the picture itself (PNG or JPEG, at most
     * {@value ConnectionDiagram#MAX_BYTES} bytes; the body is read no further than that).
     */
    @org.springframework.web.bind.annotation.PutMapping(value = "/{id}/connection-diagram",
            consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE})
    public AmendmentView attachDiagram(@PathVariable String id,
                                       @org.springframework.web.bind.annotation.RequestHeader(HttpHeaders.CONTENT_TYPE)
                                       MediaType contentType, java.io.InputStream body) throws java.io.IOException {
        byte[] picture = body.readNBytes(ConnectionDiagram.MAX_BYTES + 1);
        return AmendmentView.of(desk.attachConnectionDiagram(id, picture,
                contentType.getType() + "/" + contentType.getSubtype()));
    }

    @GetMapping("/{id}/connection-diagram")
    public ResponseEntity<byte[]> diagram(@PathVariable String id) {
        Amendment a = desk.get(id);
        byte[] picture = desk.connectionDiagram(a).orElseThrow(() -> new NotFound("amendment " + id
                + " has no connection diagram attached"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.getConnectionDiagram().contentType()))
                .body(picture);
    }
}
