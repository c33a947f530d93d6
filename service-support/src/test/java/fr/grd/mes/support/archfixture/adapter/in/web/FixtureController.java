package fr.grd.mes.support.archfixture.adapter.in.web;

import fr.grd.mes.support.archfixture.domain.ImpureRule;

/** An adapter, as it should be, using the domain. */
public class FixtureController {
    public ImpureRule rule() {
        return new ImpureRule();
    }
}
