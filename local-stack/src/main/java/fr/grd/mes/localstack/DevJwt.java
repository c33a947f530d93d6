package fr.grd.mes.localstack;

import fr.grd.mes.devidentity.DevTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The local stack's development issuer: an RSA key pair kept in {@code <data dir>/dev-jwt/} (created on first
 * use), whose public key the services are given as {@code spring.security.oauth2.resourceserver.jwt
 * .public-key-location}, and a way to mint tokens per role and supplier. Production uses a real issuer URI.
 *
 * <pre>./mint-token.sh SUPPLIER FOURN-ALPHA      ./mint-token.sh OPERATOR      ./mint-token.sh TECHNICIAN</pre>
 */
public final class DevJwt {
    public static final String ISSUER = DevTokens.ISSUER;
    public static final String AUDIENCE = DevTokens.AUDIENCE;

    private final RSAPrivateKey privateKey;
    private final Path privateKeyFile;
    private final Path publicKeyFile;

    private DevJwt(RSAPrivateKey privateKey, Path privateKeyFile, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.privateKeyFile = privateKeyFile;
        this.publicKeyFile = publicKeyFile;
    }

    /** The key pair of {@code dir}, created there if absent. */
    public static DevJwt loadOrCreate(Path dir) throws IOException, GeneralSecurityException {
        Path privateFile = dir.resolve("private-key.pem");
        Path publicFile = dir.resolve("public-key.pem");
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            Files.createDirectories(dir);
            KeyPair pair = DevTokens.newKeyPair();
            Files.writeString(publicFile, DevTokens.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateFile, DevTokens.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }
        return new DevJwt(DevTokens.privateKeyOf(Files.readString(privateFile)), privateFile, publicFile);
    }

    /** The property value that points a service at the public key. */
    public String publicKeyLocation() {
        return "file:" + publicKeyFile.toAbsolutePath();
    }

    /** The argument that gives the operator console its development sign-in (one button per role). */
    public String consoleArgument() {
        return "--mes.console.dev-sign-in-key=file:" + privateKeyFile.toAbsolutePath();
    }

    /** The argument to give each service so it trusts this issuer's tokens. */
    public String serviceArgument() {
        return "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyLocation();
    }

    public String mint(String subject, List<String> roles, String supplierId, Duration validity) {
        return mint(subject, roles, supplierId, validity, AUDIENCE);
    }

    public String mint(String subject, List<String> roles, String supplierId, Duration validity, String audience) {
        return DevTokens.of(privateKey, java.time.Clock.systemUTC()).mint(subject, roles, supplierId, validity, audience);
    }

    /** A token for the distributor's own tooling (demo loader, simulation): desk, technician and portal. */
    public String distributorToken() {
        return mint("local-stack", List.of("OPERATOR", "TECHNICIAN", "PORTAL"), null, Duration.ofDays(30));
    }

    /** {@code mint ROLE[,ROLE...] [supplierId] [validity, e.g. PT12H]}: prints a token signed by the dev key. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: mint-token.sh ROLE[,ROLE...] [supplierId] [validity PT12H]   "
                    + "roles: SUPPLIER OPERATOR TECHNICIAN PORTAL");
            System.exit(2);
        }
        List<String> roles = Arrays.stream(args[0].split(",")).map(String::trim).map(String::toUpperCase).toList();
        String supplier = args.length > 1 && !args[1].isBlank() ? args[1] : null;
        if (roles.contains("SUPPLIER") && supplier == null) {
            System.err.println("a SUPPLIER token needs the supplier id, e.g. mint-token.sh SUPPLIER FOURN-ALPHA");
            System.exit(2);
        }
        Duration validity = args.length > 2 ? Duration.parse(args[2]) : Duration.ofHours(12);
        String dataDir = System.getenv().getOrDefault("MES_DATA_DIR", ".local-stack");
        DevJwt issuer = loadOrCreate(Path.of(dataDir, "dev-jwt"));
        String subject = supplier != null ? supplier.toLowerCase() + "-user" : roles.get(0).toLowerCase() + "-user";
        System.out.println(issuer.mint(subject, roles, supplier, validity));
    }
}
