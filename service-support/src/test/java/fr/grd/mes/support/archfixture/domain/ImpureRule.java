package fr.grd.mes.support.archfixture.domain;

import fr.grd.mes.support.archfixture.adapter.in.web.FixtureController;
import org.springframework.stereotype.Component;

/**
 * A deliberately broken "domain" class: it imports Spring, and it points outwards at an adapter (a layer
 * violation and a package cycle domain ↔ adapter). Each rule of {@code Hexagon} must fail on it.
 */
@Component
public class ImpureRule {
    public Class<?> outwards() {
        return FixtureController.class;
    }
}
