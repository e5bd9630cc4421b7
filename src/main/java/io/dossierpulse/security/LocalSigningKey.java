package io.dossierpulse.security;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * The demo's own token issuer: an RSA key pair kept as PEM files in one directory (./work/jwt by
 * default). The service verifies tokens with the public half like any other issuer's key; the
 * private half signs what {@code bin/pulse token} prints and the loopback dashboard session. In
 * production the service has no private key: tokens come from the city's identity provider.
 */
public final class LocalSigningKey {

    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final String PUBLIC_KEY_FILE = "public.pem";

    private final PrivateKey privateKey;

    private LocalSigningKey(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /**
     * The key pair in {@code dir}, created when missing: written to a fresh sibling directory that is
     * then renamed into place, so two processes starting together never pair one's private key with
     * the other's public key. The private file is readable by its owner only.
     */
    public static LocalSigningKey ensure(Path dir) {
        try {
            if (!Files.exists(dir.resolve(PRIVATE_KEY_FILE))) {
                Path parent = dir.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Path fresh = Files.createTempDirectory(parent, dir.getFileName() + ".new");
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Path priv = Files.createFile(fresh.resolve(PRIVATE_KEY_FILE));
                try {
                    Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Not a POSIX file system: the directory's ACL applies.
                }
                Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(fresh.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                try {
                    Files.move(fresh, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException anotherWon) {
                    try (var files = Files.list(fresh)) {
                        for (Path f : files.toList()) {
                            Files.delete(f);
                        }
                    }
                    Files.delete(fresh);
                }
            }
            return read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The existing key pair in {@code dir}; fails when there is none. */
    public static LocalSigningKey read(Path dir) {
        try {
            String text = Files.readString(dir.resolve(PRIVATE_KEY_FILE), StandardCharsets.US_ASCII);
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new LocalSigningKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("no local signing key in " + dir.toAbsolutePath()
                    + " (bin/demo creates it)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed RS256 token granting {@code roles}, valid for {@code ttl}. */
    public String sign(String issuer, String audience, String subject, Set<String> roles, Duration ttl) {
        return Jwt.issuer(issuer).audience(audience).subject(subject).upn(subject).groups(roles)
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(ttl).sign(privateKey);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
