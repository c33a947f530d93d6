package fr.grd.mes.request;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * request-service: the suppliers' "mise en service" cases ("affaires"), their milestones, deadlines and
 * case-tracking flow. Its configuration is {@code request-service/application.yml}, so the four services can
 * share one JVM in the local stack without their settings colliding.
 */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class RequestServiceApplication {
    public static final String NAME = "request-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RequestServiceApplication.class)
                .properties("spring.config.additional-location=classpath:/mes-defaults.yml,classpath:/" + NAME + "/");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
