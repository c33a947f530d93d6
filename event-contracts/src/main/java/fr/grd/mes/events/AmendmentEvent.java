package fr.grd.mes.events;

/**
 * The events of an "Avenant L. 342-2"'s life, all on {@link Topics#AMENDMENTS}: what an amendment's changes can
 * produce, so a use case that gets one knows every case it may be.
 */
public sealed interface AmendmentEvent permits AmendmentIssued, AmendmentAccepted, AmendmentExpired, AmendmentVoided,
        ConnectionAgreementOverdue, AmendmentBalanceInvoiced, AmendmentBalanceReminder, AmendmentBalanceOverdue {
    String amendmentId();
}
