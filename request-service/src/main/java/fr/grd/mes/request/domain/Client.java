package fr.grd.mes.request.domain;

/** The end client at the installation, whose presence is mandatory at the intervention. */
public record Client(String name, String phone) {
}
