package fr.grd.mes.billing.domain;

import fr.grd.mes.events.BillingRecord;
import fr.grd.mes.support.aggregate.AggregateRoot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything billed for one intervention, stored under the intervention's (appointment's) id: a second bill
 * of the same intervention is a duplicate key, so no fee can ever be billed twice.
 */
public class InterventionBill extends AggregateRoot {
    private String id;
    private String caseId;
    private String pdl;
    private String supplierId;
    private String outcome;
    private LocalDate interventionDate;
    private LocalDate billingDate;
    private java.time.Instant billedAt;
    private String catalogueVersion;
    private String externalReference;
    private List<BillingLine> lines = new ArrayList<>();
    private List<String> unpricedCodes = new ArrayList<>();
    /** Supplementary bills in which an operator priced codes this bill held. */
    private List<String> supplements = new ArrayList<>();

    InterventionBill() {
    }

    public static InterventionBill price(String interventionId, String caseId, String pdl, String supplierId,
                                         String outcome, LocalDate interventionDate, java.time.Instant billedAt,
                                         LocalDate billingDate, String externalReference, List<String> codes,
                                         CatalogueVersion catalogue) {
        InterventionBill bill = of(interventionId, caseId, pdl, supplierId, outcome, interventionDate, billedAt,
                billingDate, externalReference);
        bill.catalogueVersion = catalogue.id();
        for (String code : codes) {
            catalogue.prestation(code).ifPresentOrElse(p -> bill.lines.add(BillingLine.of(p, 1)),
                    () -> bill.unpricedCodes.add(code));
        }
        return bill;
    }

    /**
     * A bill of codes nothing prices yet ({@code catalogue} absent: no version in force on the intervention date):
     * every code is held for an operator, never dropped.
     */
    public static InterventionBill held(String interventionId, String caseId, String pdl, String supplierId,
                                        String outcome, LocalDate interventionDate, java.time.Instant billedAt,
                                        LocalDate billingDate, String externalReference, List<String> codes) {
        InterventionBill bill = of(interventionId, caseId, pdl, supplierId, outcome, interventionDate, billedAt,
                billingDate, externalReference);
        bill.unpricedCodes.addAll(codes);
        return bill;
    }

    private static InterventionBill of(String interventionId, String caseId, String pdl, String supplierId,
                                       String outcome, LocalDate interventionDate, java.time.Instant billedAt,
                                       LocalDate billingDate, String externalReference) {
        InterventionBill bill = new InterventionBill();
        bill.id = interventionId;
        bill.caseId = caseId;
        bill.pdl = pdl;
        bill.supplierId = supplierId;
        bill.outcome = outcome;
        bill.interventionDate = interventionDate;
        bill.billingDate = billingDate;
        bill.billedAt = billedAt;
        bill.externalReference = externalReference;
        return bill;
    }

    /** Whether some of its codes could not be priced and wait for an operator. */
    public boolean isHoldingLines() {
        return !unpricedCodes.isEmpty();
    }

    /**
     * The held codes (as held) that {@code catalogue} prices, in order; a held chart role ({@code role:<ROLE>}) is
     * priced under the code the version names for it.
     */
    public List<String> heldCodesPricedBy(CatalogueVersion catalogue) {
        return unpricedCodes.stream().filter(code -> catalogue.prestation(realCode(code, catalogue)).isPresent())
                .toList();
    }

    /** The code a held code is priced under in {@code catalogue}. */
    public static String realCode(String heldCode, CatalogueVersion catalogue) {
        return heldCode.startsWith("role:")
                ? catalogue.codeOf(ChartRole.valueOf(heldCode.substring("role:".length()))).orElse(heldCode)
                : heldCode;
    }

    /**
     * The operator priced {@code heldCodes} in the supplementary bill {@code supplementId} (its own lines, billed the
     * day it was priced, in that day's F15): they are no longer held here.
     */
    public void heldPricedIn(String supplementId, List<String> heldCodes) {
        heldCodes.forEach(unpricedCodes::remove);
        supplements.add(supplementId);
    }

    /** The id the next supplementary bill of this one takes: deterministic, so a retried pricing never bills twice. */
    public String nextSupplementId() {
        return id + "-S" + (supplements.size() + 1);
    }

    public List<String> getSupplements() {
        return List.copyOf(supplements);
    }

    public List<BillingRecord> records() {
        return records(lines, billingDate);
    }

    private List<BillingRecord> records(List<BillingLine> of, LocalDate billedOn) {
        return of.stream().map(line -> new BillingRecord(caseId, pdl, supplierId, line.code(), line.label(),
                interventionDate, billedOn, line.quantity(), line.unitPriceExclTax(), line.amountExclTax(),
                line.vatRate(), line.vatAmount(), line.amountInclTax(), externalReference)).toList();
    }

    public BigDecimal totalExclTax() {
        return lines.stream().map(BillingLine::amountExclTax).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    @Override
    public String getId() {
        return id;
    }

    public String getCaseId() {
        return caseId;
    }

    public String getPdl() {
        return pdl;
    }

    public String getSupplierId() {
        return supplierId;
    }

    public String getOutcome() {
        return outcome;
    }

    public LocalDate getInterventionDate() {
        return interventionDate;
    }

    public LocalDate getBillingDate() {
        return billingDate;
    }

    public java.time.Instant getBilledAt() {
        return billedAt;
    }

    public BigDecimal totalVat() {
        return lines.stream().map(BillingLine::vatAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal totalInclTax() {
        return lines.stream().map(BillingLine::amountInclTax).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public String getCatalogueVersion() {
        return catalogueVersion;
    }

    public String getExternalReference() {
        return externalReference;
    }

    public List<BillingLine> getLines() {
        return List.copyOf(lines);
    }

    public List<String> getUnpricedCodes() {
        return List.copyOf(unpricedCodes);
    }
}
