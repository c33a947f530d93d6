package fr.grd.mes.files;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code mes.delivery.*}: the SFTP port, the folder of the mirrored files, the SSH host key file, the services to
 * mirror from, the token the delivery calls them with (role FILES; a secret in compose and Kubernetes) and how
 * often it looks for new files.
 */
@ConfigurationProperties("mes.delivery")
public record DeliveryProperties(int sftpPort, Path dataDir, Path hostKey, String token, String requestService,
                                 String billingService, String contractService, Duration mirrorPeriod) {
    public DeliveryProperties {
        mirrorPeriod = mirrorPeriod == null ? Duration.ofSeconds(5) : mirrorPeriod;
        // the SFTP host key: a mounted secret in Kubernetes (so every pod shows the same one), else made once here
        hostKey = hostKey == null ? dataDir.resolve("sftp-host-key") : hostKey;
    }
}
