package fr.grd.mes.devidentity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Development sign-in only: signs tokens with the local stack's dev issuer key, exactly as {@code
 * ./mint-token.sh} does (issuer, audience {@code mes-platform}, {@code roles} claim), so the services accept
 * them through their ordinary resource-server checks. Token lifetimes use the wall clock: the services check
 * expiry against real time, whatever the simulation clock says.
 */
public final class DevTokens {
    public static final String ISSUER = "https://local-stack.mes.grd.example/dev-issuer";
    /** The audience every service requires ({@code spring.security.oauth2.resourceserver.jwt.audiences}). */
    public static final String AUDIENCE = "mes-platform";
    public static final Duration VALIDITY = Duration.ofHours(8);

    private final RSAPrivateKey key;
    private final Clock wallClock;

    private DevTokens(RSAPrivateKey key, Clock wallClock) {
        this.key = key;
        this.wallClock = wallClock;
    }

    /** Signs with {@code key} (the local stack's own key pair, already read). */
    public static DevTokens of(RSAPrivateKey key, Clock wallClock) {
        return new DevTokens(key, wallClock);
    }

    /** Reads a PKCS#8 PEM private key from a Spring resource location ({@code file:…}, {@code classpath:…}). */
    public static DevTokens fromPem(String location, Clock wallClock) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return new DevTokens(privateKeyOf(new String(in.readAllBytes(), StandardCharsets.US_ASCII)), wallClock);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the dev sign-in key at " + location, e);
        }
    }

    /** A fresh RSA key pair for a development issuer (2048 bits). */
    public static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A key in PEM ({@code type} "PUBLIC KEY" for X.509, "PRIVATE KEY" for PKCS#8). */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The RSA private key of a PKCS#8 PEM text. */
    public static RSAPrivateKey privateKeyOf(String pem) throws GeneralSecurityException {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body));
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
    }

    public String mint(String subject, List<String> roles) {
        return mint(subject, roles, null, VALIDITY, AUDIENCE);
    }

    /** The one layout of a dev token: issuer, subject, audience, {@code roles}, {@code supplier_id} if any, key id. */
    public String mint(String subject, List<String> roles, String supplierId, Duration validity, String audience) {
        Instant now = wallClock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(audience)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity))).claim("roles", roles);
        if (supplierId != null) {
            claims.claim("supplier_id", supplierId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("dev").build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }
}
