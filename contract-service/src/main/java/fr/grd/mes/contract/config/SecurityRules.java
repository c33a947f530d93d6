package fr.grd.mes.contract.config;

import fr.grd.mes.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static fr.grd.mes.support.security.Roles.FILES;
import static fr.grd.mes.support.security.Roles.OPERATOR;
import static fr.grd.mes.support.security.Roles.PORTAL;
import static fr.grd.mes.support.security.Roles.SUPPLIER;
import static fr.grd.mes.support.security.Roles.TECHNICIAN;

/**
 * The referential is the distributor's: loaded by the desk; suppliers see only their perimeter entries and their
 * own registration; the desk registers suppliers.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityRules {
    @Bean
    EndpointRules contractServiceRules() {
        return rules -> {
            rules.requestMatchers(HttpMethod.GET, "/api/v1/delivery-points/*").hasAnyRole(OPERATOR, PORTAL, TECHNICIAN);
            rules.requestMatchers(HttpMethod.PUT, "/api/v1/delivery-points/*").hasRole(OPERATOR);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/suppliers/*/perimeter/*").hasAnyRole(SUPPLIER, OPERATOR);
            rules.requestMatchers("/api/v1/amendments", "/api/v1/amendments/**").hasRole(OPERATOR);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/suppliers").hasAnyRole(OPERATOR, FILES);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/suppliers/*/flow-key").hasRole(FILES);
            rules.requestMatchers(HttpMethod.PUT, "/api/v1/suppliers/*").hasRole(OPERATOR);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/suppliers/*").hasAnyRole(SUPPLIER, OPERATOR);
        };
    }
}
