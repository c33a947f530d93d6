package fr.grd.mes.scheduling.config;

import fr.grd.mes.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static fr.grd.mes.support.security.Roles.OPERATOR;
import static fr.grd.mes.support.security.Roles.PORTAL;
import static fr.grd.mes.support.security.Roles.SUPPLIER;
import static fr.grd.mes.support.security.Roles.TECHNICIAN;

/**
 * The charge table is read by suppliers and the portal, who hold its places (coupled booking); the desk sets it;
 * outcomes come from technicians.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityRules {
    @Bean
    EndpointRules schedulingServiceRules() {
        return rules -> {
            rules.requestMatchers(HttpMethod.POST, "/api/v1/holds").hasAnyRole(SUPPLIER, PORTAL);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/holds/*").hasAnyRole(SUPPLIER, PORTAL, OPERATOR);
            rules.requestMatchers(HttpMethod.DELETE, "/api/v1/holds/*").hasAnyRole(SUPPLIER, PORTAL);
            rules.requestMatchers(HttpMethod.POST, "/api/v1/holds/*/claim").hasAnyRole(SUPPLIER, PORTAL);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/slots").hasAnyRole(SUPPLIER, PORTAL, OPERATOR);
            rules.requestMatchers(HttpMethod.PUT, "/api/v1/capacity/*/*").hasRole(OPERATOR);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/zones").hasAnyRole(SUPPLIER, PORTAL, OPERATOR, TECHNICIAN);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/calendar").hasAnyRole(SUPPLIER, PORTAL, OPERATOR, TECHNICIAN);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/appointments").hasAnyRole(OPERATOR, TECHNICIAN);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/appointments/*")
                    .hasAnyRole(SUPPLIER, PORTAL, OPERATOR, TECHNICIAN);
            rules.requestMatchers(HttpMethod.GET, "/api/v1/advancements").hasRole(OPERATOR);
            rules.requestMatchers(HttpMethod.POST, "/api/v1/appointments/*/client-call").hasRole(OPERATOR);
            rules.requestMatchers(HttpMethod.POST, "/api/v1/appointments/*/outcome").hasRole(TECHNICIAN);
        };
    }
}
