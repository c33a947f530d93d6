package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supplier's view, with tools the supplier already runs: Debian's OpenSSH {@code sftp} logs in with the
 * supplier's own key (made by {@code ssh-keygen}, registered in the supplier registry), lists and fetches its
 * F15, C15 and X12 zips, {@code openssl enc -d -aes-256-cbc} decrypts each with the supplier's key and the IV of
 * the file's first 16 bytes, and every XML entry validates against its XSD. Another supplier's key sees none of
 * them; a key nobody registered is refused; nothing can be written. Skipped where sftp, ssh-keygen or openssl are
 * missing ({@code .ci/run} installs them).
 */
class SftpDeliveryIT {
    private static TestStack stack;

    @BeforeAll
    static void tools() {
        for (String tool : List.of("sftp", "ssh-keygen", "openssl")) {
            Assumptions.assumeTrue(onPath(tool), tool + " is not installed");
        }
        stack = TestStack.get();
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    record Run(int exit, String out) {
    }

    private static Run run(Path dir, String stdin, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }

    private static Path keyPair(Path dir, String name) throws Exception {
        Path key = dir.resolve(name);
        assertThat(run(dir, null, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString()).exit())
                .isZero();
        return key;
    }

    /** OpenSSH's sftp in batch mode: any failing command makes the whole run fail. */
    private static Run sftp(Path dir, Path key, String user, String commands) throws Exception {
        return run(dir, commands, "sftp", "-b", "-", "-i", key.toString(), "-P", String.valueOf(stack.services.sftpPort()),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes",
                "-o", "BatchMode=yes", "-o", "PasswordAuthentication=no", "-o", "LogLevel=ERROR", user + "@127.0.0.1");
    }

    @Test
    void aSupplierFetchesItsEncryptedFilesWithItsKeyAndDecryptsThemWithOpenssl(@TempDir Path dir) throws Exception {
        Path key = keyPair(dir, "alpha");
        Path otherKey = keyPair(dir, "beta");
        Path strangerKey = keyPair(dir, "stranger");
        byte[] flowKey = new byte[32];
        new SecureRandom().nextBytes(flowKey);
        String supplier = "FOURN-SFTP";
        SupplierFiles files = new SupplierFiles(stack, supplier, "ZONE-SFTP");
        CaseFixture.registerSupplier(stack, supplier, files.receiverEic(), files.contract(), Map.of(
                "sshPublicKey", Files.readString(key.resolveSibling("alpha.pub")).strip(),
                "flowEncryptionKey", Base64.getEncoder().encodeToString(flowKey)));
        CaseFixture.registerSupplier(stack, "FOURN-SFTP2", "17XFOURNSFTP200X", "GRD-F002", Map.of(
                "sshPublicKey", Files.readString(otherKey.resolveSibling("beta.pub")).strip()));
        String caseId = files.completedCase("COMPLETED");
        stack.clock.advance(Duration.ofMinutes(1));
        List<String> exported = new ArrayList<>();
        for (String flow : SupplierFiles.FLOWS) {
            fr.grd.mes.client.Reply created = files.export(flow);
            assertThat(created.status()).as(flow + " " + created.raw()).isEqualTo(201);
            exported.add(flow + "/" + created.body().get("fileName").asString());
        }

        // the supplier's view: its folder, one sub-folder per flow, each file it was sent
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            Run ls = sftp(dir, key, supplier, "ls -1 F15\nls -1 C15\nls -1 X12\n");
            return ls.exit() == 0 && exported.stream().allMatch(f -> ls.out().contains(f.substring(4)));
        });
        Run root = sftp(dir, key, supplier, "ls -1\n");
        assertThat(root.exit()).as(root.out()).isZero();
        assertThat(root.out()).contains("F15", "C15", "X12").doesNotContain("FOURN-SFTP2", "incoming");
        Path local = Files.createDirectories(dir.resolve("fetched"));
        Run get = sftp(local, key, supplier, String.join("\n", exported.stream().map(f -> "get " + f).toList()) + "\n");
        assertThat(get.exit()).as(get.out()).isZero();

        int xmlFiles = 0;
        for (String remote : exported) {
            String flow = remote.substring(0, 3);
            Path encrypted = local.resolve(remote.substring(4));
            byte[] file = Files.readAllBytes(encrypted);
            assertThat(Arrays.copyOf(file, 2)).as("encrypted, not a plain zip").isNotEqualTo("PK".getBytes());
            Path body = dir.resolve(encrypted.getFileName() + ".body");
            Files.write(body, Arrays.copyOfRange(file, 16, file.length));
            Path zip = dir.resolve(encrypted.getFileName() + ".decrypted.zip");
            Run openssl = run(dir, null, "openssl", "enc", "-d", "-aes-256-cbc", "-K", HexFormat.of().formatHex(flowKey),
                    "-iv", HexFormat.of().formatHex(Arrays.copyOf(file, 16)), "-in", body.toString(), "-out", zip.toString());
            assertThat(openssl.exit()).as(openssl.out()).isZero();
            byte[] plain = Files.readAllBytes(zip);
            assertThat(new String(plain, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("PK\u0003\u0004");
            try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(plain))) {
                for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    String xml = new String(entries.readAllBytes(), StandardCharsets.UTF_8);
                    SupplierFiles.assertValid(entry.getName(), xml);
                    if (!entry.getName().endsWith("_FA.xml")) {
                        assertThat(xml).as(flow).contains(caseId);
                    }
                    xmlFiles++;
                }
            }
        }
        assertThat(xmlFiles).as("F15 FA + FL, C15, X12").isEqualTo(4);

        // another supplier, with its own key, sees its own (empty) folders only
        Run other = sftp(dir, otherKey, "FOURN-SFTP2", "ls -1 F15\nls -1 C15\nls -1 X12\n");
        assertThat(other.exit()).as(other.out()).isZero();
        assertThat(other.out()).doesNotContain(".zip");
        Run escape = sftp(dir, otherKey, "FOURN-SFTP2", "ls -1 ../" + supplier + "/F15\n");
        assertThat(escape.out()).doesNotContain(".zip");
        // a key nobody registered, or another supplier's key for this supplier: refused
        assertThat(sftp(dir, strangerKey, supplier, "ls\n").exit()).isNotZero();
        assertThat(sftp(dir, otherKey, supplier, "ls\n").exit()).isNotZero();
        // nothing can be written or removed
        Files.writeString(dir.resolve("upload.txt"), "x");
        assertThat(sftp(dir, key, supplier, "put upload.txt F15/upload.txt\n").exit()).isNotZero();
        assertThat(sftp(dir, key, supplier, "rm " + exported.get(0) + "\n").exit()).isNotZero();
        assertThat(sftp(dir, key, supplier, "mkdir F15/x\n").exit()).isNotZero();
        assertThat(sftp(dir, key, supplier, "ls -1 F15\n").out()).contains(exported.get(0).substring(4));
    }
}
