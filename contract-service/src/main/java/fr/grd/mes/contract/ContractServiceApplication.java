package fr.grd.mes.contract;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * contract-service: the delivery-point referential, supplier perimeters and (later) "Avenant L. 342-2"
 * amendments. Its configuration is {@code contract-service/application.yml}, so the four services can
 * share one JVM in the local stack without their settings colliding.
 */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class ContractServiceApplication {
    public static final String NAME = "contract-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ContractServiceApplication.class)
                .properties("spring.config.additional-location=classpath:/mes-defaults.yml,classpath:/" + NAME + "/");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
