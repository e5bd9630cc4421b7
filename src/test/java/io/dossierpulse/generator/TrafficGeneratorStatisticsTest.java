package io.dossierpulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One bounded run of about 100,000 dossiers over two whole weeks of January 2025 (whole weeks, so
 * the weekly arrival profile averages out), every event audited; then the shares.
 */
class TrafficGeneratorStatisticsTest {

    private static final Instant START = Instant.parse("2025-01-05T17:00:00Z"); // Monday 00:00 Hanoi
    private static final double PER_DAY = 100_000 / 14.0;

    private static TrafficAudit audit;
    private static TrafficGenerator generator;

    @BeforeAll
    static void run() {
        ProcedureCatalog catalog = ProcedureCatalog.loadDefault();
        GeneratorConfig config = GeneratorConfig.defaults().withSeed(42).withStart(START)
                .withDossiersPerDay(PER_DAY).withSubmitUntil(START.plus(Duration.ofDays(14)));
        generator = new TrafficGenerator(config, catalog.all(), AgencyDirectory.loadDefault());
        audit = new TrafficAudit(AgencyDirectory.loadDefault(), catalog::byCode);
        while (generator.hasNext()) {
            audit.accept(generator.next());
        }
    }

    @Test
    void everyDossierEndedAndCountsAgree() {
        assertEquals(0, audit.openDossiers());
        assertEquals(0, generator.openDossiers());
        assertEquals(generator.generated(), audit.events);
        assertEquals(generator.dossiersSubmitted(), audit.dossiers);
        long ended = audit.endings.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(audit.dossiers, ended);
        assertTrue(Math.abs(audit.dossiers - 100_000) < 2_000, "about 100k dossiers: " + audit.dossiers);
        double perDossier = (double) audit.events / audit.dossiers;
        assertTrue(perDossier > 5 && perDossier < 8, "five to eight transitions a dossier: " + perDossier);
    }

    @Test
    void channelMixWithinTolerance() {
        double online = audit.share(audit.channels.getOrDefault(Channel.ONLINE, 0L), audit.dossiers);
        double inPerson = audit.share(audit.channels.getOrDefault(Channel.IN_PERSON, 0L), audit.dossiers);
        double postal = audit.share(audit.channels.getOrDefault(Channel.POSTAL, 0L), audit.dossiers);
        assertEquals(0.5971, online, 0.01, "online");
        assertEquals(0.4005, inPerson, 0.01, "in person");
        assertEquals(0.0024, postal, 0.001, "postal");
    }

    @Test
    void onTimeShareInRange() {
        double onTime = audit.share(audit.resolvedOnTime, audit.resolved);
        assertTrue(onTime >= 0.98 && onTime <= 0.998, "on time: " + onTime);
        assertTrue(audit.resolved > 90_000, "resolved: " + audit.resolved);
        assertTrue(audit.apologies > 50 && audit.apologies < audit.resolved - audit.resolvedOnTime,
                "apologies " + audit.apologies + " among " + (audit.resolved - audit.resolvedOnTime) + " late");
    }

    @Test
    void outcomeShares() {
        assertEquals(0.02, audit.share(audit.endings.getOrDefault(EventType.NOT_ACCEPTED, 0L), audit.dossiers), 0.003);
        assertEquals(0.01, audit.share(audit.endings.getOrDefault(EventType.WITHDRAWN, 0L), audit.dossiers), 0.002);
        double stopped = audit.share(audit.endings.getOrDefault(EventType.STOPPED, 0L), audit.dossiers);
        assertTrue(stopped > 0 && stopped < 0.005, "stopped is rare: " + stopped);
        assertEquals(0.08, audit.share(audit.withOneSupplement, audit.accepted), 0.01, "one supplement round");
        assertEquals(0.01, audit.share(audit.withTwoSupplements, audit.accepted), 0.003, "two supplement rounds");
        assertTrue(audit.count(EventType.TRANSFERRED) > 1_000, "inter-agency transfers: " + audit.transfers);
        assertTrue(audit.count(EventType.FEE_REQUESTED) > 1_000);
        assertEquals(audit.count(EventType.FEE_REQUESTED), audit.count(EventType.FEE_PAID));
        assertEquals(audit.count(EventType.RESOLVED), audit.count(EventType.RESULT_RETURNED));
    }

    @Test
    void officeHours() {
        assertEquals(audit.inPersonSubmitted, audit.inPersonSubmittedInOfficeHours, "desks open only in office hours");
        long acceptances = audit.count(EventType.ACCEPTED);
        double inHours = audit.share(audit.acceptedInOfficeHours, acceptances);
        double weekend = audit.share(audit.acceptedOnWeekend, acceptances);
        assertTrue(inHours > 0.9, "acceptance mostly in office hours: " + inHours);
        assertTrue(weekend > 0 && weekend < 0.03, "a little weekend duty: " + weekend);
    }

    @Test
    void levelsAndFlags() {
        double commune = audit.share(audit.receivingLevels.getOrDefault(AgencyLevel.COMMUNE, 0L), audit.dossiers);
        double city = audit.share(audit.receivingLevels.getOrDefault(AgencyLevel.CITY, 0L), audit.dossiers);
        assertTrue(commune > 0.35 && commune < 0.6, "communes receive the most: " + commune);
        assertTrue(city > 0.2 && city < 0.4, "city bodies: " + city);
        double fee = audit.share(audit.feeBearingDossiers, audit.dossiers);
        double digitized = audit.share(audit.digitizedDossiers, audit.dossiers);
        assertTrue(fee > 0.3 && fee < 0.9, "fee-bearing: " + fee);
        assertTrue(digitized > 0.6 && digitized < 0.95, "digitized: " + digitized);
        assertEquals(0, audit.reformHandovers, "no reorganisation in January 2025");
    }
}
