package io.dossierpulse.feed;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.generator.GeneratorConfig;
import io.dossierpulse.generator.TrafficGenerator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import io.dossierpulse.streams.PulseConfig;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Feeds generated Hanoi-like traffic into the input topic when {@code pulse.generator.enabled} (the
 * demo). It replays the last {@code pulse.generator.history} of simulated time at
 * {@code pulse.generator.rate} events per second, then follows the wall clock, so the dashboard
 * shows a city that is live, with dossiers already open and some already overdue.
 */
@ApplicationScoped
public class DemoFeeder {

    private static final Logger LOG = Logger.getLogger(DemoFeeder.class);

    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers")
    String bootstrap;
    @Inject
    PulseConfig config;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent ev) {
        if (!config.generator().enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::feed, "demo-feeder");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(10_000);
        }
    }

    private void feed() {
        // Dossier ids carry the start instant, so a restarted demo never collides with its earlier dossiers.
        PulseConfig.Generator g = config.generator();
        Instant start = Instant.now().minus(g.history());
        GeneratorConfig traffic = GeneratorConfig.defaults().withSeed(g.seed()).withStart(start)
                .withDossiersPerDay(g.dossiersPerDay()).withIdPrefix("HN" + start.getEpochSecond() % 100_000);
        TrafficGenerator generator = TrafficGenerator.hanoi(traffic);
        LOG.infof("Demo feeder: replaying %s of Hanoi traffic at %.0f events/s, then live", g.history(), g.rate());
        Pacer pacer = new Pacer(g.rate());
        try (EventSink sink = EventSink.kafka(bootstrap, config.topics().events())) {
            while (running && generator.hasNext()) {
                DossierEvent e = generator.next();
                long ahead = e.occurredAt().toEpochMilli() - System.currentTimeMillis();
                while (running && ahead > 0) {
                    Thread.sleep(Math.min(ahead, 500));
                    ahead = e.occurredAt().toEpochMilli() - System.currentTimeMillis();
                }
                sink.write(e);
                pacer.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Demo feeder stopped", e);
        }
    }
}
