package fr.grd.mes.contract.domain.amendment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The template's filling rules: exactly one choice per option group, every field of the chosen option filled
 * and well-formed, nothing of an unchosen option kept, and the dates and amounts consistent. Returns every
 * problem at once, as (field, reason) pairs.
 */
public final class AmendmentValidation {

    public record Problem(String field, String reason) {
    }

    private final List<Problem> problems = new ArrayList<>();

    private AmendmentValidation() {
    }

    public static List<Problem> check(AmendmentTerms t) {
        AmendmentValidation v = new AmendmentValidation();
        v.run(t);
        return List.copyOf(v.problems);
    }

    private void run(AmendmentTerms t) {
        text("amendmentNumber", t.amendmentNumber());
        present("amendmentDate", t.amendmentDate());
        present("validUntil", t.validUntil());
        if (t.amendmentDate() != null && t.validUntil() != null && !t.validUntil().isAfter(t.amendmentDate())) {
            add("validUntil", "must be after the amendment date");
        }
        party("recipient", t.recipient());
        party("requester", t.requester());
        present("recipientIsMandatedThirdParty", t.recipientIsMandatedThirdParty());
        address("recipientAddress", t.recipientAddress(), true);
        address("worksAddress", t.worksAddress(), false);
        present("requestReceived", t.requestReceived());
        present("requestComplete", t.requestComplete());
        present("pdrDate", t.pdrDate());
        text("pdrNumber", t.pdrNumber());
        present("l3422RequestDate", t.l3422RequestDate());
        if (t.requestReceived() != null && t.requestComplete() != null && t.requestComplete().isBefore(t.requestReceived())) {
            add("requestComplete", "cannot be before the request was received");
        }
        if (t.connectionPowerKw() == null || apparentPowerKva(t.connectionPowerKw()).compareTo(new BigDecimal("250")) <= 0) {
            add("connectionPowerKw", "an HTA consumption installation of this template is above 250 kVA (S = P × √(1 + tg²φ),"
                    + " tg φ = " + AmendmentTerms.TAN_PHI + ")" + (t.connectionPowerKw() == null ? ""
                    : ": " + t.connectionPowerKw().toPlainString() + " kW is " + apparentPowerKva(t.connectionPowerKw())
                    .toPlainString() + " kVA"));
        }
        if (t.connectionVoltageKv() == null || (t.connectionVoltageKv() != 15 && t.connectionVoltageKv() != 20)) {
            add("connectionVoltageKv", "must be 15 or 20 (kV)");
        }
        group("htbImpact", t.htbImpact(), () -> t.htbImpact().choice());
        hta(t.htaSolution());
        deliveryPoint(t.deliveryPoint());
        metering(t.metering(), t.connectionVoltageKv());
        if (group("enedisWorksOutsideOrr", t.enedisWorksOutsideOrr(), () -> t.enedisWorksOutsideOrr().choice())) {
            boolean with = t.enedisWorksOutsideOrr().choice()
                    == AmendmentTerms.EnedisWorksOutsideOrr.Choice.WITH_WORKS_OUTSIDE_ORR;
            list("enedisWorksOutsideOrr.works", t.enedisWorksOutsideOrr().works(), with);
        }
        if (group("protection", t.protection(), () -> t.protection().choice())
                && t.protection().choice() == AmendmentTerms.Protection.Choice.COMPENSATED_NEUTRAL
                && t.metering() != null && t.metering().choice() != AmendmentTerms.Metering.Choice.HTA) {
            add("protection.choice", "the compensated-neutral option goes with HTA metering");
        }
        if (group("contributionBasis", t.contributionBasis(), () -> t.contributionBasis().basis())) {
            if (t.contributionBasis().firmness() == null) {
                add("contributionBasis.firmness", "choose FIRM or ESTIMATE");
            } else if (t.contributionBasis().firmness() == AmendmentTerms.ContributionBasis.Firmness.ESTIMATE
                    && t.contributionBasis().basis() != AmendmentTerms.ContributionBasis.Basis.REAL_COSTS) {
                add("contributionBasis.firmness", "an estimate is established from real costs only");
            }
        }
        if (group("deposit", t.deposit(), () -> t.deposit().choice())) {
            boolean pays = !t.deposit().localAuthority();
            if (pays && t.deposit().percentage() != null && (t.deposit().percentage().signum() < 0
                    || t.deposit().percentage().compareTo(new BigDecimal("100")) > 0)) {
                add("deposit.percentage", "a deposit percentage is in [0, 100]; leave it out to derive it from A");
            }
            if (!pays && t.deposit().percentage() != null) {
                add("deposit.percentage", "must stay empty for a local authority (no deposit)");
            }
        }
        group("signature", t.signature(), () -> t.signature().choice());
        if (group("annex1", t.annex1(), () -> t.annex1().choice())) {
            list("annex1.documents", t.annex1().documents(),
                    t.annex1().choice() == AmendmentTerms.Annex1Form.Choice.PAPER_DOCUMENTS);
        }
        boolean computable = false;
        if (t.contributionLines() == null || t.contributionLines().isEmpty()) {
            add("contributionLines", "the Annexe 3 needs at least one line");
        } else if (!(computable = contributionLinesInBounds(t.contributionLines()))) {
            // the Annexe 3 is computed only from lines within bounds
        } else if (t.contributionBasis() != null && t.contributionBasis().basis() != null) {
            ContributionLine.PricingBasis expected = t.contributionBasis().basis()
                    == AmendmentTerms.ContributionBasis.Basis.FCS ? ContributionLine.PricingBasis.FCS
                    : ContributionLine.PricingBasis.CR;
            for (int i = 0; i < t.contributionLines().size(); i++) {
                ContributionLine line = t.contributionLines().get(i);
                if (line.scope() == ContributionLine.Scope.ORR && line.basis() != expected
                        && line.basis() != ContributionLine.PricingBasis.SRRRER) {
                    add("contributionLines[" + i + "].basis", "the ORR is priced " + expected + " in this amendment");
                }
            }
        }
        if (computable) {
            depositPercentage(t);
        }
        realCostSplit(t);
        items("requesterWorksOutsideOrr", t.requesterWorksOutsideOrr());
        orrWorks(t);
        money("pdrOrrAmountExclTax", t.pdrOrrAmountExclTax());
        money("pdrOrrRefactionExclTax", t.pdrOrrRefactionExclTax());
        if (t.pracDepositPaid() != null && t.pracDepositPaid().signum() < 0) {
            add("pracDepositPaid", "cannot be negative");
        }
        positive("executionDelayWeeks", t.executionDelayWeeks());
        positive("connectionAgreementDelayWeeks", t.connectionAgreementDelayWeeks());
        group("dispatch", t.dispatch(), () -> t.dispatch().choice());
        present("economicConditionsDate", t.economicConditionsDate());
        entity("paymentEntity", t.paymentEntity());
        text("delayContactEntity", t.delayContactEntity());
        text("consuelAddress", t.consuelAddress());
        entity("complaintsEntity", t.complaintsEntity());
        if (t.contact() == null) {
            add("contact", "is required");
        } else {
            text("contact.name", t.contact().name());
            text("contact.phone", t.contact().phone());
            if (t.contact().email() == null || !t.contact().email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                add("contact.email", "must be an e-mail address");
            }
        }
    }

    /** The apparent power of {@code kw} at the template's tg φ = 0,4: S = P × √(1 + tg²φ), kVA to 2 decimals. */
    static BigDecimal apparentPowerKva(BigDecimal kw) {
        BigDecimal factor = BigDecimal.ONE.add(AmendmentTerms.TAN_PHI.pow(2)).sqrt(java.math.MathContext.DECIMAL64);
        return kw.multiply(factor).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Upper bounds of an Annexe 3 line, checked before any product or sum is computed. */
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");
    static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("100000000.00");
    static final int MAX_LINES = 200;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000.00");

    /**
     * Each line within bounds (quantity in ]0, 1 000 000] with at most 3 decimals, unit price in [0, 100 000 000]
     * € HT with at most 2 decimals, réfaction and VAT rates percentages with at most 2 decimals), and the annex
     * carrying at most two VAT rates ("TVA1", "TVA2" of the template). Returns whether all lines are in bounds.
     */
    private boolean contributionLinesInBounds(List<ContributionLine> lines) {
        int before = problems.size();
        if (lines.size() > MAX_LINES) {
            add("contributionLines", "at most " + MAX_LINES + " lines");
            return false;
        }
        java.util.Set<BigDecimal> rates = new java.util.TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ContributionLine line = lines.get(i);
            String at = "contributionLines[" + i + "]";
            if (line == null) {
                add(at, "is required");
                continue;
            }
            if (line.quantity().signum() <= 0 || line.quantity().compareTo(MAX_QUANTITY) > 0
                    || decimals(line.quantity()) > 3) {
                add(at + ".quantity", "must be in ]0, " + MAX_QUANTITY.toPlainString() + "] with at most 3 decimals");
            }
            if (line.unitPrice().compareTo(MAX_UNIT_PRICE) > 0 || decimals(line.unitPrice()) > 2) {
                add(at + ".unitPrice", "must be in [0, " + MAX_UNIT_PRICE.toPlainString()
                        + "] € HT with at most 2 decimals");
            }
            if (decimals(line.refactionRate()) > 2) {
                add(at + ".refactionRate", "a percentage with at most 2 decimals");
            } else if (line.basis() == ContributionLine.PricingBasis.SRRRER && line.refactionRate().signum() != 0) {
                add(at + ".refactionRate", "the SRRRER quota has no réfaction (0 %): Annexe 3 refacts the ORR lines only");
            }
            if (decimals(line.vatRate()) > 2) {
                add(at + ".vatRate", "a percentage with at most 2 decimals");
            } else {
                rates.add(line.vatRate().stripTrailingZeros());
            }
        }
        if (rates.size() > 2) {
            add("contributionLines", "the Annexe 3 carries at most two VAT rates (TVA1, TVA2), not " + rates.size()
                    + " " + rates);
        }
        return problems.size() == before;
    }

    /**
     * §5.3's "[pourcentage acompte]% … soit [Montant acompte TTC] €": the amount is A of Annexe 3, so a percentage
     * typed in must be A ÷ C to 2 decimals; left out, it is derived. (Run on lines within bounds only.)
     */
    private void depositPercentage(AmendmentTerms t) {
        if (t.deposit() == null || t.deposit().localAuthority() || t.deposit().percentage() == null
                || (t.pracDepositPaid() != null && t.pracDepositPaid().signum() < 0)) {
            return;
        }
        BigDecimal c = Annexe3.compute(t.contributionLines()).totalInclTax();
        if (c.signum() == 0) {
            return;
        }
        BigDecimal a = Annexe3.deposit(c, t.pracDepositPaid(), false);
        BigDecimal derived = a.multiply(Annexe3.HUNDRED).divide(c, 2, java.math.RoundingMode.HALF_UP);
        if (t.deposit().percentage().setScale(2, java.math.RoundingMode.HALF_UP).compareTo(derived) != 0) {
            add("deposit.percentage", "the deposit A is " + a.toPlainString() + " € TTC of C = " + c.toPlainString()
                    + " € TTC, i.e. " + derived.toPlainString() + " %: give that percentage or leave it out");
        }
    }

    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** 4.1.1 and 4.2.1: the ORR works described, every list item a description, the works beyond the ORR described. */
    private void orrWorks(AmendmentTerms t) {
        if (t.enedisOrrWorks() == null) {
            add("enedisOrrWorks.description", "4.1.1: detail the ORR works carried out by Enedis (tenants et aboutissants)");
        } else {
            text("enedisOrrWorks.description", t.enedisOrrWorks().description());
            items("enedisOrrWorks.additional", t.enedisOrrWorks().additional());
            boolean beyond = t.enedisWorksOutsideOrr() != null && t.enedisWorksOutsideOrr().choice()
                    == AmendmentTerms.EnedisWorksOutsideOrr.Choice.WITH_WORKS_OUTSIDE_ORR;
            if (beyond) {
                text("enedisOrrWorks.outsideOrrDescription", t.enedisOrrWorks().outsideOrrDescription());
            } else if (t.enedisOrrWorks().outsideOrrDescription() != null) {
                add("enedisOrrWorks.outsideOrrDescription", "belongs to a solution with works outside the ORR only");
            }
        }
        items("requesterOrrWorks", t.requesterOrrWorks());
    }

    private void items(String field, List<String> items) {
        if (items != null && items.stream().anyMatch(w -> w == null || w.isBlank())) {
            add(field, "each item is a description of works (no empty item)");
        }
    }

    private void realCostSplit(AmendmentTerms t) {
        boolean realCosts = t.contributionBasis() != null
                && t.contributionBasis().basis() == AmendmentTerms.ContributionBasis.Basis.REAL_COSTS;
        AmendmentTerms.RealCostSplit split = t.realCostSplit();
        if (!realCosts) {
            if (split != null) {
                add("realCostSplit", "belongs to a contribution priced at real costs only");
            }
            return;
        }
        if (split == null || split.study() == null || split.works() == null || split.material() == null
                || split.engineering() == null) {
            add("realCostSplit", "split the real costs into study, works, material and engineering");
            return;
        }
        if (t.contributionLines() != null && t.contributionLines().stream().allMatch(java.util.Objects::nonNull)) {
            BigDecimal realCostTotal = t.contributionLines().stream()
                    .filter(l -> l.basis() == ContributionLine.PricingBasis.CR)
                    .map(ContributionLine::amountAfterRefaction).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (split.total().compareTo(realCostTotal) != 0) {
                add("realCostSplit", "the four parts must add up to the real-cost lines after réfaction ("
                        + realCostTotal.toPlainString() + " € HT), not " + split.total().toPlainString());
            }
        }
    }

    private void hta(AmendmentTerms.HtaSolution h) {
        if (!group("htaSolution", h, () -> h.choice())) {
            return;
        }
        present("htaSolution.feedingScheme", h.feedingScheme());
        if (h.supplyVoltageKv() == null || h.supplyVoltageKv() <= 0) {
            add("htaSolution.supplyVoltageKv", "is required (kV)");
        }
        present("htaSolution.laying", h.laying());
        positive("htaSolution.sectionMm2", h.sectionMm2());
        present("htaSolution.conductor", h.conductor());
        positive("htaSolution.lengthM", h.lengthM());
        if (h.lengthOnSiteM() == null || h.lengthOnSiteM() < 0) {
            add("htaSolution.lengthOnSiteM", "is required (m, may be 0)");
        } else if (h.lengthM() != null && h.lengthOnSiteM() > h.lengthM()) {
            add("htaSolution.lengthOnSiteM", "cannot exceed the total length");
        }
        if (h.choice() == AmendmentTerms.HtaSolution.Choice.HTA2) {
            positive("htaSolution.replacedLengthM", h.replacedLengthM());
        } else if (h.replacedLengthM() != null) {
            add("htaSolution.replacedLengthM", "belongs to option HTA2 only");
        }
    }

    private void deliveryPoint(AmendmentTerms.DeliveryPointLocation d) {
        if (!group("deliveryPoint", d, () -> d.choice())) {
            return;
        }
        if (d.choice() == AmendmentTerms.DeliveryPointLocation.Choice.REFERENCE) {
            if (d.subChoice() != null || d.description() != null) {
                add("deliveryPoint.subChoice", "the reference location has no sub-option");
            }
            return;
        }
        if (d.subChoice() == null) {
            add("deliveryPoint.subChoice", "choose NOT_AT_PLOT_BOUNDARY or REQUESTER_SPECIFIED");
        } else if (d.subChoice() == AmendmentTerms.DeliveryPointLocation.SubChoice.REQUESTER_SPECIFIED) {
            text("deliveryPoint.description", d.description());
        } else if (d.description() != null) {
            add("deliveryPoint.description", "belongs to the REQUESTER_SPECIFIED sub-option only");
        }
    }

    private void metering(AmendmentTerms.Metering m, Integer connectionVoltage) {
        if (!group("metering", m, () -> m.choice())) {
            return;
        }
        if (m.choice() == AmendmentTerms.Metering.Choice.HTA) {
            positive("metering.voltageKv", m.voltageKv());
            if (Boolean.TRUE.equals(m.biVoltageTo20kv())) {
                if (m.currentVoltageKv() == null || (m.currentVoltageKv() != 10 && m.currentVoltageKv() != 15)) {
                    add("metering.currentVoltageKv", "bi-voltage transformers apply to a 10 or 15 kV connection moving to 20 kV");
                } else if (connectionVoltage != null && connectionVoltage == 20) {
                    add("metering.biVoltageTo20kv", "the connection is already at 20 kV: there is no move to 20 kV to "
                            + "prepare with bi-voltage transformers");
                } else if (connectionVoltage != null && !m.currentVoltageKv().equals(connectionVoltage)) {
                    add("metering.currentVoltageKv", "is the voltage the installation is connected at today, "
                            + connectionVoltage + " kV");
                }
            } else if (m.currentVoltageKv() != null) {
                add("metering.currentVoltageKv", "belongs to the bi-voltage sub-option only");
            }
        } else if (m.voltageKv() != null || m.biVoltageTo20kv() != null || m.currentVoltageKv() != null) {
            add("metering.voltageKv", "BT metering has no HTA voltage nor bi-voltage sub-option");
        }
    }

    private boolean group(String field, Object group, Supplier<Object> choice) {
        if (group == null || choice.get() == null) {
            add(field + ".choice", "choose exactly one option");
            return false;
        }
        return true;
    }

    private void list(String field, List<String> values, boolean chosen) {
        boolean empty = values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank());
        if (chosen && empty) {
            add(field, "list the items of the chosen option");
        } else if (!chosen && values != null && !values.isEmpty()) {
            add(field, "belongs to an option that is not chosen");
        }
    }

    private void party(String field, AmendmentTerms.Party party) {
        if (party == null) {
            add(field, "is required");
            return;
        }
        text(field + ".title", party.title());
        text(field + ".lastName", party.lastName());
    }

    private void address(String field, AmendmentTerms.Address address, boolean withCountry) {
        if (address == null) {
            add(field, "is required");
            return;
        }
        text(field + ".street", address.street());
        if (address.postalCode() == null || !address.postalCode().matches("\\d{5}")) {
            add(field + ".postalCode", "must be 5 digits");
        }
        text(field + ".city", address.city());
        if (withCountry) {
            text(field + ".country", address.country());
        }
    }

    private void entity(String field, AmendmentTerms.Entity entity) {
        if (entity == null) {
            add(field, "is required");
            return;
        }
        text(field + ".name", entity.name());
        text(field + ".address", entity.address());
    }

    private void money(String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || decimals(value) > 2 || value.compareTo(MAX_AMOUNT) > 0) {
            add(field, "must be an amount in [0, " + MAX_AMOUNT.toPlainString() + "] with at most 2 decimals");
        }
    }

    private void positive(String field, Integer value) {
        if (value == null || value <= 0) {
            add(field, "must be a positive number");
        }
    }

    private void present(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
    }

    private void text(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        }
    }

    private void add(String field, String reason) {
        problems.add(new Problem(field, reason));
    }
}
