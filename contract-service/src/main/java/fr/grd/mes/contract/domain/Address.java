package fr.grd.mes.contract.domain;

/** Installation address, with the INSEE code of its commune ("code commune INSEE", 5 characters). */
public record Address(String street, String postalCode, String city, String inseeCode) {
}
