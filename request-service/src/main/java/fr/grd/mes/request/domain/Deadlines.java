package fr.grd.mes.request.domain;

import fr.grd.mes.events.Version;
import fr.grd.mes.support.time.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Seed: "Le délai maximum de réalisation ... en version standard est de 5 jours ouvrés. En version express,
 * le délai maximum passe à 2 jours ouvrés." Both are counted in business days from the day the request is
 * received, in the installation's time zone (Europe/Paris), and both are kept on the case.
 */
public record Deadlines(LocalDate express, LocalDate standard) {
    public static final int EXPRESS_BUSINESS_DAYS = 2;
    public static final int STANDARD_BUSINESS_DAYS = 5;

    public static Deadlines of(Instant receivedAt, BusinessCalendar calendar) {
        LocalDate received = receivedAt.atZone(BusinessCalendar.PARIS).toLocalDate();
        return new Deadlines(calendar.addBusinessDays(received, EXPRESS_BUSINESS_DAYS),
                calendar.addBusinessDays(received, STANDARD_BUSINESS_DAYS));
    }

    public LocalDate applicableTo(Version version) {
        return version == Version.EXPRESS ? express : standard;
    }
}
