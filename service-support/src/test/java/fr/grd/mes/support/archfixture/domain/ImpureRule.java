package fr.grd.mes.support.archfixture.domain;

import org.springframework.stereotype.Component;

/** A deliberately broken "domain" class: it must make {@code DomainPurity} fail (the rule is known to bite). */
@Component
public class ImpureRule {
}
