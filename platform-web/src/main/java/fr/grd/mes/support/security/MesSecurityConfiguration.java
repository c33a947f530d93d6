package fr.grd.mes.support.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;

/**
 * Every service is an OAuth2 resource server: a signed JWT (the production issuer's, or the local stack's dev
 * key) with a {@code roles} claim. Only health is anonymous; metrics, the simulation control and the
 * operators' endpoints need OPERATOR; each service adds its own rules ({@link EndpointRules}); anything else
 * needs a valid token. 401 and 403 are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class MesSecurityConfiguration {

    @Bean
    SecurityFilterChain mesSecurity(HttpSecurity http, ObjectProvider<EndpointRules> serviceRules) throws Exception {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Roles.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);

        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> {
                    // the error dispatch renders what already happened (a 500 stays a 500): never an authorization question
                    rules.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll();
                    rules.requestMatchers("/error").permitAll();
                    rules.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    rules.requestMatchers("/actuator/**").hasRole(Roles.OPERATOR);
                    rules.requestMatchers("/api/v1/simulation/**").hasRole(Roles.OPERATOR);
                    rules.requestMatchers(HttpMethod.GET, "/v3/api-docs/**", "/asyncapi/**", "/schemas/**")
                            .authenticated();
                    rules.requestMatchers("/api/v1/flow-holds", "/api/v1/flow-holds/**").hasRole(Roles.OPERATOR);
                    rules.requestMatchers(HttpMethod.GET, "/api/v1/suppliers/*/files", "/api/v1/suppliers/*/files/**")
                            .hasAnyRole(Roles.SUPPLIER, Roles.OPERATOR, Roles.FILES);
                    rules.requestMatchers("/api/v1/suppliers/*/files", "/api/v1/suppliers/*/files/**")
                            .hasAnyRole(Roles.SUPPLIER, Roles.OPERATOR);
                    serviceRules.orderedStream().forEach(service -> service.apply(rules));
                    rules.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                                "a valid bearer token is required")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                                "a valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                                "your role does not allow this")));
        return http.build();
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write("{\"type\":\"https://mes.grd.example/problems/" + status.name().toLowerCase()
                .replace('_', '-') + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}");
    }
}
