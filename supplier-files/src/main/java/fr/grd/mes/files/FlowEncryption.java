package fr.grd.mes.files;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The encryption of delivered files as suppliers' readers expect it ({@code sge-xsd/CONVENTIONS.md}): AES-256 in
 * CBC mode with PKCS#7 padding (the JDK's "PKCS5Padding" is PKCS#7 on 16-byte blocks), a fresh random 16-byte IV
 * written as the first 16 bytes of the file, then the ciphertext of the zip. {@code openssl enc -d -aes-256-cbc
 * -K <key hex> -iv <first 16 bytes hex>} on the rest gives the zip back.
 */
public final class FlowEncryption {
    private static final SecureRandom RANDOM = new SecureRandom();

    private FlowEncryption() {
    }

    public static byte[] encrypt(byte[] key, byte[] zip) {
        require(key);
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] body = cipher.doFinal(zip);
            byte[] file = Arrays.copyOf(iv, 16 + body.length);
            System.arraycopy(body, 0, file, 16, body.length);
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available", e);
        }
    }

    public static byte[] decrypt(byte[] key, byte[] file) throws GeneralSecurityException {
        require(key);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(file, 0, 16));
        return cipher.doFinal(file, 16, file.length - 16);
    }

    private static void require(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes");
        }
    }
}
