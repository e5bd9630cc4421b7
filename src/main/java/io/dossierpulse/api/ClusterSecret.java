package io.dossierpulse.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import io.dossierpulse.streams.PulseConfig;
import io.dossierpulse.view.ViewMode;
import io.dossierpulse.view.ViewSettings;
import org.jboss.logging.Logger;

/**
 * The secret the instances of one deployment share ({@code pulse.cluster.secret}, from a Kubernetes
 * secret): it marks requests forwarded between instances. Unset, a single instance draws its own; a
 * replicated deployment refuses to start without it, since an unverifiable mark would make every
 * instance gather the others' parts again and count them twice.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class ClusterSecret {

    private static final Logger LOG = Logger.getLogger(ClusterSecret.class);

    private final byte[] mark;

    ClusterSecret(PulseConfig config) {
        Optional<String> configured = config.cluster().secret().filter(s -> !s.isBlank());
        byte[] material;
        if (configured.isPresent()) {
            material = configured.get().getBytes(StandardCharsets.UTF_8);
        } else if (ViewSettings.parseMode(config.view().mode()) == ViewMode.REPLICATED) {
            throw new IllegalStateException("pulse.cluster.secret (env PULSE_CLUSTER_SECRET) must be set when "
                    + "pulse.view.mode=REPLICATED: the instances authenticate each other with it");
        } else {
            material = new byte[32];
            new SecureRandom().nextBytes(material);
            LOG.debug("pulse.cluster.secret is not set: a single instance uses its own");
        }
        // Derived, so that the forwarding mark never carries the configured secret itself.
        this.mark = HexFormat.of().formatHex(sha256("dossier-pulse forwarding:", material))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The value of the forwarded-request header. */
    byte[] forwardingMark() {
        return mark.clone();
    }

    static byte[] sha256(String purpose, byte[] material) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(purpose.getBytes(StandardCharsets.UTF_8));
            return d.digest(material);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
