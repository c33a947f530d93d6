package fr.grd.mes.billing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * billing-service: the dated price catalogue and the billing lines of each intervention, sent to
 * suppliers as their billing flow. Its configuration is {@code billing-service/application.yml}, so the four services can
 * share one JVM in the local stack without their settings colliding.
 */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class BillingServiceApplication {
    public static final String NAME = "billing-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(BillingServiceApplication.class)
                .properties("spring.config.additional-location=classpath:/mes-defaults.yml,classpath:/" + NAME + "/");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
