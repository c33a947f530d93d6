package fr.grd.mes.request.config;

import fr.grd.mes.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static fr.grd.mes.support.security.Roles.OPERATOR;
import static fr.grd.mes.support.security.Roles.PORTAL;
import static fr.grd.mes.support.security.Roles.SUPPLIER;
import static fr.grd.mes.support.security.Roles.TECHNICIAN;

/** Who may call request-service; which supplier's data a caller sees is decided per case ({@code Caller}). */
@Configuration(proxyBeanMethods = false)
public class SecurityRules {
    @Bean
    EndpointRules requestServiceRules() {
        return rules -> {
            rules.requestMatchers(HttpMethod.POST, "/api/v1/requests").hasAnyRole(SUPPLIER, PORTAL);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/cases").hasAnyRole(SUPPLIER, OPERATOR, TECHNICIAN);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/statistics/daily").hasRole(OPERATOR);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/cases/*").hasAnyRole(SUPPLIER, OPERATOR, PORTAL, TECHNICIAN);
            rules.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/express-escalation").hasAnyRole(SUPPLIER, OPERATOR);
        };
    }
}
