package io.dossierpulse.security;

import io.dossierpulse.streams.PulseConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Where the local dashboard session is on (demo, dev), the local key pair exists once the service runs. */
@ApplicationScoped
class LocalKeySetup {

    private static final Logger LOG = Logger.getLogger(LocalKeySetup.class);

    void onStart(@Observes StartupEvent start, PulseConfig config) {
        if (config.security().localDashboard()) {
            Path dir = Path.of(config.security().localKeyDir());
            LocalSigningKey.ensure(dir);
            LOG.infof("Local token issuer: key pair in %s; tokens with bin/pulse token --role ingest|operator|admin",
                    dir.toAbsolutePath());
        }
    }
}
