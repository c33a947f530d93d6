package fr.grd.mes.console.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.time.Clock;

/**
 * Who may open which page. The services check every call again with the user's token; these rules only keep
 * people out of pages that would be refused anyway. Sessions are server-side (the token never reaches the
 * browser); forms carry a CSRF token; pages forbid framing and inline scripts from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {
    public static final String SIGN_IN = "/console/connexion";

    @Bean
    SecurityContextRepository consoleSecurityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        http.securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/console/connexion", "/console/connexion/**", "/console/static/**",
                                "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/console/terrain/**").hasRole("TECHNICIAN")
                        .requestMatchers("/console/terrain", "/console/terrain/**").hasAnyRole("TECHNICIAN", "OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/console/affaires", "/console/affaires/**")
                        .hasAnyRole("TECHNICIAN", "OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/console").hasAnyRole("TECHNICIAN", "OPERATOR")
                        .requestMatchers("/console/**").hasRole("OPERATOR")
                        .requestMatchers("/").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
                .logout(logout -> logout.logoutUrl("/console/deconnexion").logoutSuccessUrl(SIGN_IN + "?sortie"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
