package fr.grd.mes.events;

/** Version of a "mise en service" request: STANDARD (5 business days) or EXPRESS (2 business days). */
public enum Version { STANDARD, EXPRESS }
