package fr.grd.mes.testsupport;

import fr.grd.mes.devidentity.DevTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A throw-away development issuer for a test: a fresh RSA key pair, its public key in a temporary file. */
public final class TestTokens {
    private final DevTokens tokens;
    private final Path publicKey;

    private TestTokens(DevTokens tokens, Path publicKey) {
        this.tokens = tokens;
        this.publicKey = publicKey;
    }

    public static TestTokens create() {
        try {
            KeyPair pair = DevTokens.newKeyPair();
            Path file = Files.createTempFile("mes-test-issuer", ".pem");
            Files.writeString(file, DevTokens.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new TestTokens(DevTokens.of((RSAPrivateKey) pair.getPrivate(), Clock.systemUTC()), file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The argument that makes a service trust this issuer. */
    public String serviceArgument() {
        return "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey.toAbsolutePath();
    }

    public String mint(List<String> roles, String supplierId) {
        String subject = supplierId != null ? supplierId.toLowerCase() + "-user" : "test-" + roles.get(0).toLowerCase();
        return tokens.mint(subject, roles, supplierId, Duration.ofHours(1), DevTokens.AUDIENCE);
    }

    /** The distributor's own roles: desk, technician, portal. */
    public String distributor() {
        return mint(List.of("OPERATOR", "TECHNICIAN", "PORTAL"), null);
    }
}
