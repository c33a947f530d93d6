package fr.grd.mes.scheduling;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * scheduling-service: the charge table ("tableau de charges"), appointments, express advancement
 * attempts, client calls and intervention outcomes. Its configuration is {@code scheduling-service/application.yml}, so the four services can
 * share one JVM in the local stack without their settings colliding.
 */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class SchedulingServiceApplication {
    public static final String NAME = "scheduling-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SchedulingServiceApplication.class)
                .properties("spring.config.additional-location=classpath:/mes-defaults.yml,classpath:/" + NAME + "/");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
