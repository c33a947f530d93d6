package fr.grd.mes.request.domain;

/** COURS (in progress) or TERMN (finished), as in the X12 tracking flow. */
public enum CaseStatus {
    COURS, TERMN
}
