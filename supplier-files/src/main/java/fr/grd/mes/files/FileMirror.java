package fr.grd.mes.files;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@code <dataDir>/suppliers/<supplierId>/<flow>/} in step with the files the services made: every file a
 * supplier does not have yet is downloaded, encrypted with the supplier's flow key if it has one, and moved into
 * place whole (written outside the supplier folders, then moved), so an SFTP reader never sees half a file. Also keeps each supplier's
 * registered SSH public key for the SFTP login. One supplier's failure (a service down, a bad key) is logged and
 * retried at the next pass; it never stops the others.
 */
@Component
public class FileMirror {
    private static final Logger LOG = LoggerFactory.getLogger(FileMirror.class);

    private final PlatformFiles platform;
    private final Path root;
    /** Where a file is written before it is moved into a supplier's folder (same file system: the move is atomic). */
    private final Path incoming;
    private final MeterRegistry metrics;
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    public FileMirror(PlatformFiles platform, DeliveryProperties properties, MeterRegistry metrics) {
        this.platform = platform;
        this.root = properties.dataDir().resolve("suppliers").toAbsolutePath();
        this.incoming = properties.dataDir().resolve("incoming").toAbsolutePath();
        this.metrics = metrics;
    }

    /** The folder of one supplier (its SFTP root), or empty for an id that cannot be one. */
    public Optional<Path> folderOf(String supplierId) {
        if (supplierId == null || !supplierId.matches("[A-Za-z0-9_-]{1,40}")) {
            return Optional.empty();
        }
        return Optional.of(root.resolve(supplierId));
    }

    public Optional<PublicKey> keyOf(String supplierId) {
        return Optional.ofNullable(supplierId == null ? null : keys.get(supplierId));
    }

    @Scheduled(fixedDelayString = "${mes.delivery.mirror-period:PT5S}")
    public void mirror() {
        for (PlatformFiles.RegisteredSupplier supplier : platform.suppliers()) {
            try {
                mirror(supplier);
            } catch (RuntimeException | IOException e) {
                metrics.counter("mes.delivery.mirror.failures").increment();
                LOG.warn("mirroring the files of {} failed, next pass retries: {}", supplier.supplierId(), e.toString());
            }
        }
    }

    void mirror(PlatformFiles.RegisteredSupplier supplier) throws IOException {
        Path folder = folderOf(supplier.supplierId()).orElse(null);
        if (folder == null) {
            return;
        }
        if (supplier.sshPublicKey() != null) {
            try {
                keys.put(supplier.supplierId(), AuthorizedKeyEntry.parseAuthorizedKeyEntry(supplier.sshPublicKey())
                        .resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
            } catch (java.security.GeneralSecurityException | IllegalArgumentException unusable) {
                keys.remove(supplier.supplierId());
                LOG.warn("the SSH key registered for {} is unusable: {}", supplier.supplierId(), unusable.toString());
            }
        } else {
            keys.remove(supplier.supplierId());
        }
        List<PlatformFiles.FileEntry> missing = new ArrayList<>();
        for (String flow : PlatformFiles.FLOWS) {
            Path dir = Files.createDirectories(folder.resolve(flow));
            for (PlatformFiles.FileEntry file : platform.files(supplier.supplierId(), flow)) {
                if (file.fileName().matches("[A-Za-z0-9_.-]{1,200}\\.zip") && !Files.exists(dir.resolve(file.fileName()))) {
                    missing.add(file);
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Optional<byte[]> key = supplier.flowEncryption() ? platform.flowKey(supplier.supplierId()) : Optional.empty();
        for (PlatformFiles.FileEntry file : missing) {
            byte[] zip = platform.download(supplier.supplierId(), file.flow(), file.fileName());
            byte[] delivered = key.isPresent() ? FlowEncryption.encrypt(key.get(), zip) : zip;
            Path partial = Files.createDirectories(incoming).resolve(supplier.supplierId() + "-" + file.fileName());
            Files.write(partial, delivered);
            Files.move(partial, folder.resolve(file.flow()).resolve(file.fileName()), StandardCopyOption.ATOMIC_MOVE);
            metrics.counter("mes.delivery.files", "flow", file.flow(), "encrypted", String.valueOf(key.isPresent()))
                    .increment();
        }
    }
}
