package io.dossierpulse.app;

import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.calendar.WorkingPeriod;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.streams.PulseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Builds the domain core's reference data once, at start-up, from the shipped data and operator files. */
@ApplicationScoped
public class DomainProducers {

    private static final Logger LOG = Logger.getLogger(DomainProducers.class);

    @Produces
    @ApplicationScoped
    WorkingCalendar calendar(PulseConfig config) {
        WorkingCalendar.Builder b = WorkingCalendar.standard().toBuilder().periods(periods(config.calendar().periods()));
        config.calendar().overrides().ifPresent(file -> {
            b.overrides(Path.of(file));
            LOG.infof("Calendar overrides loaded from %s", file);
        });
        return b.build();
    }

    static List<WorkingPeriod> periods(List<String> specs) {
        List<WorkingPeriod> periods = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("pulse.calendar.periods: '" + spec + "' is not HH:mm-HH:mm");
            }
            periods.add(WorkingPeriod.of(parts[0].trim(), parts[1].trim()));
        }
        return periods;
    }

    @Produces
    @ApplicationScoped
    SlaEngine slaEngine(WorkingCalendar calendar, PulseConfig config) {
        return new SlaEngine(calendar, config.sla().atRiskThreshold().toSeconds(), config.sla().maxReappointments());
    }

    @Produces
    @ApplicationScoped
    ProcedureCatalog catalog(PulseConfig config) {
        ProcedureCatalog shipped = ProcedureCatalog.loadDefault();
        if (config.catalog().file().isEmpty()) {
            return shipped;
        }
        Path file = Path.of(config.catalog().file().get());
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ProcedureCatalog operator = ProcedureCatalog.load(r, file.toString());
            Map<String, Procedure> merged = new LinkedHashMap<>();
            shipped.all().forEach(p -> merged.put(p.code(), p));
            operator.all().forEach(p -> merged.put(p.code(), p));
            LOG.infof("Procedure catalog: %d shipped, %d from %s", shipped.size(), operator.size(), file);
            return ProcedureCatalog.of(merged.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read procedure file " + file, e);
        }
    }

    @Produces
    @ApplicationScoped
    AgencyDirectory agencies() {
        return AgencyDirectory.loadDefault();
    }
}
