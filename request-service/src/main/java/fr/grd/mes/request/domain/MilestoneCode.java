package fr.grd.mes.request.domain;

/**
 * Dated milestones of a case, with the codes of the SGE case-tracking flow (X12): DMTR, DMREC, INPL, CPRE,
 * CPNR, plus the express ones of the seed's option 2.
 */
public enum MilestoneCode {
    DMTR("Demande transmise"),
    DMREC("Demande recevable"),
    INPL("Intervention planifiée"),
    ATPL("En attente de planification : aucune place disponible, planifiée dès qu'une place se libère"),
    RDVC("Rendez-vous pris à titre conservatoire, rappel du client sous 1 jour ouvré si avancé"),
    DEXP("Demande express reçue par la ligne Acheminement"),
    RDVA("Rendez-vous avancé, version express accordée"),
    RDVM("Rendez-vous initial maintenu"),
    CPRE("Close, prestation réalisée"),
    CPNR("Close, prestation non réalisée");

    private final String label;

    MilestoneCode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
