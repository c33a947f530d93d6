package fr.grd.mes.files;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The SFTP endpoint (Apache MINA SSHD). A supplier logs in as its supplier id with the SSH key of the supplier
 * registry — public-key authentication only, no password, no shell, no command, no forwarding — and lands in its
 * own folder (a rooted file system: {@code ..} cannot leave it), one sub-folder per flow. Everything is read-only:
 * opening for writing, removing, renaming, creating folders or links and changing attributes are refused. The host
 * key is generated once and kept in the data folder, so clients can pin it.
 */
@Component
public class SftpEndpoint implements SmartLifecycle {
    private static final Set<OpenOption> WRITING = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
            StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.DELETE_ON_CLOSE);

    private final FileMirror mirror;
    private final DeliveryProperties properties;
    private final MeterRegistry metrics;
    private SshServer server;

    public SftpEndpoint(FileMirror mirror, DeliveryProperties properties, MeterRegistry metrics) {
        this.mirror = mirror;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** The port the endpoint listens on (the configured one, or the one picked when it was 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public synchronized void start() {
        try {
            Files.createDirectories(properties.dataDir());
            server = SshServer.setUpDefaultServer();
            server.setHost("0.0.0.0");
            server.setPort(properties.sftpPort());
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(properties.hostKey()));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setPublickeyAuthenticator((username, key, session) -> {
                boolean known = mirror.keyOf(username).map(registered -> KeyUtils.compareKeys(registered, key))
                        .orElse(false);
                metrics.counter("mes.delivery.sftp.logins", "result", known ? "accepted" : "refused").increment();
                return known;
            });
            server.setFileSystemFactory(new VirtualFileSystemFactory() {
                @Override
                public Path getUserHomeDir(SessionContext session) throws IOException {
                    Path home = mirror.folderOf(session.getUsername())
                            .orElseThrow(() -> new AccessDeniedException(session.getUsername()));
                    for (String flow : PlatformFiles.FLOWS) {
                        Files.createDirectories(home.resolve(flow));
                    }
                    return home;
                }
            });
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder()
                    .withFileSystemAccessor(new ReadOnly()).build()));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the SFTP endpoint could not start on port " + properties.sftpPort(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null && server.isStarted();
    }

    /** Reading and listing only. */
    static final class ReadOnly implements SftpFileSystemAccessor {
        @Override
        public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle handle, Path file, String id,
                                            Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            if (options.stream().anyMatch(WRITING::contains)) {
                throw new AccessDeniedException(file.toString(), null, "the supplier folders are read-only");
            }
            return SftpFileSystemAccessor.super.openFile(subsystem, handle, file, id, options, attrs);
        }

        @Override
        public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
            throw new AccessDeniedException(path.toString(), null, "read-only");
        }

        @Override
        public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
            throw new AccessDeniedException(path.toString(), null, "read-only");
        }

        @Override
        public void renameFile(SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts)
                throws IOException {
            throw new AccessDeniedException(oldPath.toString(), null, "read-only");
        }

        @Override
        public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink)
                throws IOException {
            throw new AccessDeniedException(link.toString(), null, "read-only");
        }

        @Override
        public void setFileAttribute(SftpSubsystemProxy subsystem, Path file, String view, String attribute,
                                     Object value, LinkOption... options) throws IOException {
            throw new AccessDeniedException(file.toString(), null, "read-only");
        }
    }
}
