package io.dossierpulse.view;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The view's cluster-link key: AES-256 derived from {@code pulse.cluster.secret} with PBKDF2, so every
 * instance given the same secret holds the same key, and handed to JGroups' SYM_ENCRYPT the way it
 * reads keys, as a PKCS12 keystore: a file of this process only (owner-readable, random password,
 * deleted on exit). A member keyed otherwise cannot read the JOIN answers, so it cannot join.
 */
final class ClusterKey {

    static final String ALIAS = "pulse-view";
    private static final byte[] SALT = "dossier-pulse view cluster link".getBytes(StandardCharsets.UTF_8);
    private static final int ITERATIONS = 200_000;

    /** Where the keystore was written, and its password. */
    record Keystore(Path file, String password) {
    }

    private ClusterKey() {
    }

    static SecretKey derive(String secret) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), SALT, ITERATIONS, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Keystore write(String secret) {
        try {
            byte[] pw = new byte[18];
            new SecureRandom().nextBytes(pw);
            String password = HexFormat.of().formatHex(pw);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password.toCharArray());
            ks.setEntry(ALIAS, new KeyStore.SecretKeyEntry(derive(secret)), protection);
            Path file;
            try {
                file = Files.createTempFile("pulse-view-", ".p12",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                file = Files.createTempFile("pulse-view-", ".p12");
            }
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password.toCharArray());
            }
            return new Keystore(file, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
