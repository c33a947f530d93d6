package fr.grd.mes.simulation;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A demo supplier's keys, made once in its folder and kept: an ECDSA P-256 SSH key pair in OpenSSH format
 * ({@code id_ecdsa}, mode 600, and {@code id_ecdsa.pub}) for its sftp login, and a random AES-256 flow key
 * ({@code flow-key.hex}) to decrypt its files with openssl. Local stack only: real suppliers bring their own public
 * key and receive their flow key out of band.
 */
record SupplierKeys(String sshPublicKey, byte[] flowKey) {

    String flowKeyBase64() {
        return Base64.getEncoder().encodeToString(flowKey);
    }

    static SupplierKeys loadOrCreate(Path dir, String supplier) throws IOException {
        Files.createDirectories(dir);
        Path privateKey = dir.resolve("id_ecdsa");
        Path publicKey = dir.resolve("id_ecdsa.pub");
        Path flowKey = dir.resolve("flow-key.hex");
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = generator.generateKeyPair();
                Files.deleteIfExists(privateKey);
                Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (OutputStream out = Files.newOutputStream(privateKey)) {
                    OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, supplier, null, out);
                }
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(pair.getPublic(), supplier, line);
                Files.write(publicKey, line.toByteArray());
            }
            if (!Files.exists(flowKey)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(flowKey, HexFormat.of().formatHex(key) + "\n");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("making the keys of " + supplier + " failed", e);
        }
        return new SupplierKeys(Files.readString(publicKey).strip(),
                HexFormat.of().parseHex(Files.readString(flowKey).strip()));
    }
}
