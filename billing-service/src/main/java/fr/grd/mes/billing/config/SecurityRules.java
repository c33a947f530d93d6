package fr.grd.mes.billing.config;

import fr.grd.mes.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static fr.grd.mes.support.security.Roles.OPERATOR;
import static fr.grd.mes.support.security.Roles.SUPPLIER;

/** Suppliers read their own billing lines; the catalogue is read by anyone signed in and published by the desk. */
@Configuration(proxyBeanMethods = false)
public class SecurityRules {
    @Bean
    EndpointRules billingServiceRules() {
        return rules -> {
            rules.requestMatchers(HttpMethod.GET, "/api/v1/suppliers/*/billing-lines").hasAnyRole(SUPPLIER, OPERATOR);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/catalogue").authenticated();
            rules.requestMatchers(HttpMethod.GET, "/api/v1/bills/held").hasRole(OPERATOR);
            rules.requestMatchers(HttpMethod.POST, "/api/v1/bills/*/price-held").hasRole(OPERATOR);
            rules.requestMatchers(HttpMethod.POST, "/api/v1/catalogue").hasRole(OPERATOR);
        };
    }
}
