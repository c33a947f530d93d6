package fr.grd.mes.files;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * supplier-files: the suppliers fetch their SGE flow files here by SFTP, as they do from the distributor today.
 * It mirrors the F15 (billing-service), C15 (contract-service) and X12 (request-service) files of every registered
 * supplier into one folder per supplier and one sub-folder per flow, encrypting each zip with the supplier's
 * AES-256 key when it has one, and serves them read-only over SFTP to the supplier's registered SSH key. It owns
 * no data: the folders can be rebuilt from the services at any time. Configuration: {@code supplier-files/application.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SupplierFilesApplication {
    public static final String NAME = "supplier-files";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SupplierFilesApplication.class)
                .properties("spring.config.additional-location=classpath:/" + NAME + "/");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
