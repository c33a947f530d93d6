package fr.grd.mes.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * operator-console: the distributor's express desk, capacity planners and field technicians work here, in
 * French. Server-rendered pages (Thymeleaf) that call the four services' public APIs with the signed-in
 * user's token, kept in the server-side session; the console stores nothing of its own. Its configuration is
 * {@code operator-console/application.yml}, so it can share the local stack's JVM with the services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OperatorConsoleApplication {
    public static final String NAME = "operator-console";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(OperatorConsoleApplication.class)
                .properties("spring.config.additional-location=classpath:/" + NAME + "/");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
