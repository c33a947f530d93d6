package fr.grd.mes.console.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services' public APIs are, and the development sign-in key (the local stack's dev issuer; empty
 * in production, where users sign in with the distributor's identity provider).
 */
@ConfigurationProperties("mes.console")
public record ConsoleProperties(String requestService, String schedulingService, String billingService,
                                String contractService, String devSignInKey) {

    public boolean devSignInEnabled() {
        return devSignInKey != null && !devSignInKey.isBlank();
    }
}
