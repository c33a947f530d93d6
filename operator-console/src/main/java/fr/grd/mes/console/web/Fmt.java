package fr.grd.mes.console.web;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How the console writes dates, half days, money and states: French, Europe/Paris, the seed's vocabulary.
 * Used from the templates as {@code @fmt}.
 */
@Component("fmt")
public class Fmt {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Locale FR = Locale.FRANCE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd/MM/yyyy", FR);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE dd/MM", FR);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm", FR);

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("AM", "matin"), Map.entry("PM", "après-midi"),
            Map.entry("STANDARD", "standard"), Map.entry("EXPRESS", "express"),
            Map.entry("COURS", "en cours"), Map.entry("TERMN", "terminée"), Map.entry("OPEN", "recherche d'une place"),
            Map.entry("UNSCHEDULED", "sans créneau"),
            Map.entry("BOOKED", "planifié"), Map.entry("COMPLETED", "réalisé"), Map.entry("CLIENT_ABSENT", "client absent"),
            Map.entry("REQUESTED", "date demandée"), Map.entry("NEXT_FREE", "premier créneau libre"),
            Map.entry("CONSERVATORY", "conservatoire"), Map.entry("ADVANCED", "avancé"),
            Map.entry("PROPOSED", "proposition à appeler"), Map.entry("MAINTAINED", "maintenu"),
            Map.entry("CLIENT_AGREED", "client joignable, rendez-vous avancé"),
            Map.entry("CLIENT_UNREACHABLE", "client injoignable"),
            Map.entry("CLIENT_DECLINED", "client joignable, avancement refusé"),
            Map.entry("PROPOSAL_NOT_CALLED", "place proposée, client non appelé dans le délai : rendez-vous initial maintenu"),
            Map.entry("INTERVENTION_ALREADY_DONE", "intervention déjà réalisée : rendez-vous maintenu"),
            Map.entry("EXPRESS_DEADLINE_PASSED", "appel après le délai express : rendez-vous initial maintenu"),
            Map.entry("NO_SLOT_FOUND", "délai d'un jour ouvré écoulé sans action : rendez-vous initial maintenu"),
            Map.entry("DRAFT", "brouillon"), Map.entry("ISSUED", "émis"), Map.entry("ACCEPTED", "accepté"),
            Map.entry("EXPIRED", "caduc"), Map.entry("VOIDED", "annulé"),
            Map.entry("COUP", "coupée"), Map.entry("LIMI", "limitée"), Map.entry("ALIM", "alimentée"),
            Map.entry("SIGNED_AMENDMENT", "avenant signé"), Map.entry("SIGNED_MANDATE_CONTRACT", "contrat de mandat signé"),
            Map.entry("FINANCIAL_GUARANTEE", "garantie financière"), Map.entry("INSURANCE_CERTIFICATE", "attestation d'assurance"),
            Map.entry("DEPOSIT_PAYMENT", "paiement de l'acompte"), Map.entry("SERVICE_ORDER", "ordre de service"),
            Map.entry("FCS", "formule de coûts simplifiée"), Map.entry("CR", "coûts réels"), Map.entry("SRRRER", "quote-part SRRRER (S3REnR)"),
            Map.entry("PENDING", "rendez-vous conservatoire, en attente d'un appel express"),
            Map.entry("MET_AT_BOOKING", "délai express tenu dès la prise de rendez-vous"),
            Map.entry("CLIENT_CHOSE_LATER_DATE", "date choisie par le client après le délai express"),
            Map.entry("OPTION_1", "1. rendez-vous dans le délai ou à la date choisie"),
            Map.entry("OPTION_2_NOT_ESCALATED", "2. conservatoire, ligne Acheminement non appelée"),
            Map.entry("OPTION_2_1_1_ADVANCED", "2.1.1 rendez-vous avancé"),
            Map.entry("OPTION_2_1_2_CLIENT_UNREACHABLE", "2.1.2 client injoignable, rendez-vous maintenu"),
            Map.entry("OPTION_2_1_2_CLIENT_DECLINED", "2.1.2 client refusant la date avancée"),
            Map.entry("OPTION_2_2_NOT_ADVANCED", "2.2 rendez-vous non avancé"),
            Map.entry("GRANTED", "version express accordée (rendez-vous avancé)"),
            Map.entry("NOT_GRANTED", "version express non accordée (rendez-vous initial maintenu)"),
            Map.entry("CPRE", "close, prestation réalisée"), Map.entry("CPNR", "close, prestation non réalisée"));

    private final Clock clock;

    public Fmt(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    public String label(Object code) {
        if (code == null) {
            return "—";
        }
        return LABELS.getOrDefault(code.toString(), code.toString());
    }

    /** The labels of a list of codes, joined; "aucune" when empty. */
    public String labels(java.util.Collection<?> codes) {
        return codes == null || codes.isEmpty() ? "aucune"
                : String.join(", ", codes.stream().map(this::label).toList());
    }

    public String date(Object isoDate) {
        return isoDate == null ? "—" : LocalDate.parse(isoDate.toString()).format(DAY);
    }

    public String shortDate(Object isoDate) {
        return isoDate == null ? "—" : LocalDate.parse(isoDate.toString()).format(SHORT_DAY);
    }

    public String at(Object isoInstant) {
        return isoInstant == null ? "—" : Instant.parse(isoInstant.toString()).atZone(PARIS).format(AT);
    }

    /** "reste 5 h 12 min" before the instant, "dépassé de 20 min" after it (system time, simulation included). */
    public String remaining(Object isoInstant) {
        if (isoInstant == null) {
            return "—";
        }
        Duration left = Duration.between(now(), Instant.parse(isoInstant.toString()));
        return left.isNegative() ? "dépassé de " + duration(left.negated()) : "reste " + duration(left);
    }

    /** Days left until a date, "échu" when past. */
    public String daysLeft(Object isoDate) {
        if (isoDate == null) {
            return "—";
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(today(), LocalDate.parse(isoDate.toString()));
        return days < 0 ? "échu depuis " + (-days) + " j" : days == 0 ? "aujourd'hui" : "dans " + days + " j";
    }

    static String duration(Duration d) {
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        if (hours >= 24) {
            return hours / 24 + " j " + hours % 24 + " h";
        }
        return hours > 0 ? hours + " h " + String.format("%02d", minutes) + " min" : minutes + " min";
    }

    public String money(Object amount) {
        if (amount == null) {
            return "—";
        }
        BigDecimal value = new BigDecimal(amount.toString()).setScale(2, RoundingMode.HALF_UP);
        NumberFormat format = NumberFormat.getNumberInstance(FR);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value) + " €";
    }

    public String rate(Object percent) {
        return percent == null ? "—" : new BigDecimal(percent.toString()).stripTrailingZeros().toPlainString() + " %";
    }
}
