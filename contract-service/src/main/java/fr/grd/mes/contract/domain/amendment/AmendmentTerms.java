package fr.grd.mes.contract.domain.amendment;

import fr.grd.mes.support.text.MultiLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the operator fills in the "Avenant L. 342-2" template (Enedis-FOR-RAC_056E v2): every
 * {@code [field]} and, for every "Option … / Fin Options" group, the chosen option with its own fields. A group
 * is a record whose {@code choice} names the option; the fields of the other options must stay empty.
 */
public record AmendmentTerms(
        String amendmentNumber,
        LocalDate amendmentDate,
        LocalDate validUntil,
        Party recipient,
        Party requester,
        Boolean recipientIsMandatedThirdParty,
        Address recipientAddress,
        Address worksAddress,
        LocalDate requestReceived,
        LocalDate requestComplete,
        LocalDate pdrDate,
        String pdrNumber,
        LocalDate l3422RequestDate,
        BigDecimal connectionPowerKw,
        Integer connectionVoltageKv,
        HtbImpact htbImpact,
        HtaSolution htaSolution,
        DeliveryPointLocation deliveryPoint,
        Metering metering,
        EnedisWorksOutsideOrr enedisWorksOutsideOrr,
        List<String> requesterWorksOutsideOrr,
        Protection protection,
        ContributionBasis contributionBasis,
        DepositTerms deposit,
        Signature signature,
        Annex1Form annex1,
        List<ContributionLine> contributionLines,
        RealCostSplit realCostSplit,
        BigDecimal pdrOrrAmountExclTax,
        BigDecimal pdrOrrRefactionExclTax,
        BigDecimal pracDepositPaid,
        Integer executionDelayWeeks,
        Integer connectionAgreementDelayWeeks,
        Contact contact,
        Dispatch dispatch,
        LocalDate economicConditionsDate,
        Entity paymentEntity,
        String delayContactEntity,
        @MultiLine String consuelAddress,
        Entity complaintsEntity,
        /**
         * §6: the commune (or EPCI) bears the contribution to the network extension; only then can its refusal void
         * the acceptance, and its agreement start the connection agreement's delay (the later of the two dates).
         */
        Boolean communeFinancesExtension,
        /** 4.1.1: the ORR works Enedis carries out ("tenants et aboutissants", the complementary list), and beyond. */
        EnedisOrrWorks enedisOrrWorks,
        /** 4.2.1: the Travaux Mandataire of the ORR beyond the template's own item ("[Liste complémentaire]"). */
        List<String> requesterOrrWorks) {

    /** tg φ of the studied connection, fixed by the template. */
    public static final BigDecimal TAN_PHI = new BigDecimal("0.4");

    public record Party(String title, String lastName, String firstName) {
    }

    public record Address(String street, String complement, String postalCode, String city, String country) {
    }

    public record Contact(String name, String phone, String email) {
    }

    /** An entity of the distributor with its address (payments, complaints). */
    public record Entity(String name, @MultiLine String address) {
    }

    /** §1 "Option 1 : envoi par courrier" (two original copies), the template's only dispatch option. */
    public record Dispatch(Choice choice) {
        public enum Choice { POSTAL_TWO_ORIGINALS }
    }

    /** 3.1 HTB: HTB1 no impact; HTB2 source substation created/modified and HTB extension; HTB3 extension and replacement. */
    public record HtbImpact(Choice choice) {
        public enum Choice { HTB1, HTB2, HTB3 }
    }

    /**
     * 3.2 HTA: the feeding scheme and supply voltage, then HTA1 (new extension) or HTA2 (extension and replacement
     * of an existing line, with the replaced length).
     */
    public record HtaSolution(FeedingScheme feedingScheme, Integer supplyVoltageKv, Choice choice, Laying laying,
                              Integer sectionMm2, Conductor conductor, Integer lengthM, Integer lengthOnSiteM,
                              Integer replacedLengthM) {
        public enum Choice { HTA1, HTA2 }

        public enum FeedingScheme { COUPURE_ARTERE, DOUBLE_DERIVATION, ANTENNE }

        public enum Laying { SOUTERRAINE, AERIENNE }

        public enum Conductor { ALU, CU }
    }

    /** 3.3: the reference location, or another one (not at the plot boundary, or described by the requester). */
    public record DeliveryPointLocation(Choice choice, SubChoice subChoice, @MultiLine String description) {
        public enum Choice { REFERENCE, OTHER_THAN_REFERENCE }

        public enum SubChoice { NOT_AT_PLOT_BOUNDARY, REQUESTER_SPECIFIED }
    }

    /** 3.4 and 4.x: HTA metering at a voltage (with bi-voltage transformers if a move to 20 kV is planned) or BT. */
    public record Metering(Choice choice, Integer voltageKv, Boolean biVoltageTo20kv, Integer currentVoltageKv) {
        public enum Choice { HTA, BT }
    }

    /**
     * 4.1.1 "[Détailler ici les tenants et aboutissants des travaux de raccordement ORR réalisés par Enedis]" and its
     * "[Liste complémentaire]" after the template's three items; "[Détailler ici les travaux réalisés par Enedis hors
     * ORR]" when the solution includes works outside the ORR.
     */
    public record EnedisOrrWorks(@MultiLine String description, List<String> additional,
                                 @MultiLine String outsideOrrDescription) {
    }

    /** 4.1.1: the realised solution is strictly the ORR, or includes the listed works outside it. */
    public record EnedisWorksOutsideOrr(Choice choice, List<String> works) {
        public enum Choice { STRICTLY_ORR, WITH_WORKS_OUTSIDE_ORR }
    }

    /** 4.2.4: compensated neutral (with HTA metering), coupure d'artère, or generation within the operation. */
    public record Protection(Choice choice) {
        public enum Choice { COMPENSATED_NEUTRAL, COUPURE_ARTERE, GENERATION_ON_SITE }
    }

    /** 5.2: priced with the simplified cost formulas or at real costs; firm, or an estimate (real costs only). */
    public record ContributionBasis(Basis basis, Firmness firmness) {
        public enum Basis { FCS, REAL_COSTS }

        public enum Firmness { FIRM, ESTIMATE }
    }

    /**
     * Annexe 3, "Ventilation de la Σ(Coûts Réels) référé": the real-cost lines' amount after réfaction split into
     * study, works, material and engineering; required when the contribution is priced at real costs.
     */
    public record RealCostSplit(BigDecimal study, BigDecimal works, BigDecimal material, BigDecimal engineering) {
        public BigDecimal total() {
            return study.add(works).add(material).add(engineering);
        }
    }

    /**
     * 5.3: a requester other than a local authority pays a deposit, A of Annexe 3; its percentage of C is derived
     * from A (shown rounded to 2 decimals) and, when given, must agree with it. A local authority pays none.
     */
    public record DepositTerms(Choice choice, BigDecimal percentage) {
        public enum Choice { NOT_LOCAL_AUTHORITY, LOCAL_AUTHORITY }

        public boolean localAuthority() {
            return choice == Choice.LOCAL_AUTHORITY;
        }
    }

    /** 14: signed on paper or electronically. */
    public record Signature(Choice choice) {
        public enum Choice { PAPER, ELECTRONIC }
    }

    /** Annexe 1: the request file as paper documents (listed) or on the connection portal. */
    public record Annex1Form(Choice choice, List<String> documents) {
        public enum Choice { PAPER_DOCUMENTS, PORTAL }
    }
}
