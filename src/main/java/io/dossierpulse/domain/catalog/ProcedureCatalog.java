package io.dossierpulse.domain.catalog;

import io.dossierpulse.domain.agency.AgencyLevel;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The procedures the city has registered, by national code (MaTTHC). Immutable once loaded.
 *
 * <p>A dossier whose procedure code is not here is still tracked under that code, but counted as
 * unregistered: its SLA uses the event's own {@code dueAt} when given, and has no computed due date
 * otherwise (docs/domain.md, "Procedure catalog"). {@link #isRegistered(String)} is the test.
 *
 * <p>A code may have several versions with consecutive validity (a law changed its limit, its
 * authority or its basis): {@link #byCode(String, LocalDate)} answers the version in force on an
 * acceptance date, {@link #byCode(String)} the latest.
 */
public final class ProcedureCatalog {

    /** The catalog shipped with the product, on the classpath. */
    public static final String DEFAULT_RESOURCE = "/domain/catalog/procedures.psv";

    private final List<Procedure> all;
    private final Map<String, Procedure> byCode;
    private final Map<String, List<Procedure>> versions;
    private final Map<AgencyLevel, List<Procedure>> byLevel;

    private ProcedureCatalog(List<Procedure> procedures) {
        this.byCode = new HashMap<>(procedures.size() * 2);
        this.versions = new HashMap<>();
        List<Procedure> latest = new ArrayList<>();
        for (Procedure p : procedures) {
            List<Procedure> vs = versions.computeIfAbsent(p.code(), k -> new ArrayList<>());
            for (Procedure v : vs) {
                if (overlap(v, p)) {
                    throw new IllegalArgumentException("procedure " + p.code() + " has two versions in force at once");
                }
            }
            vs.add(p);
            vs.sort(java.util.Comparator.comparing(Procedure::validFrom,
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        }
        for (Procedure p : procedures) {
            List<Procedure> vs = versions.get(p.code());
            Procedure last = vs.get(vs.size() - 1);
            if (byCode.putIfAbsent(p.code(), last) == null) {
                latest.add(last);
            }
        }
        versions.replaceAll((code, vs) -> List.copyOf(vs));
        this.all = List.copyOf(latest);
        Map<AgencyLevel, List<Procedure>> levels = new EnumMap<>(AgencyLevel.class);
        for (AgencyLevel level : AgencyLevel.values()) {
            levels.put(level, new ArrayList<>());
        }
        for (Procedure p : all) {
            levels.get(p.level()).add(p);
        }
        levels.replaceAll((level, list) -> List.copyOf(list));
        this.byLevel = levels;
    }

    /** Loads the catalog shipped on the classpath ({@value #DEFAULT_RESOURCE}). */
    public static ProcedureCatalog loadDefault() {
        return io.dossierpulse.domain.DataFileLines.loadResource(DEFAULT_RESOURCE, ProcedureCatalog::load);
    }

    /** Loads an operator's catalog file (UTF-8 text already decoded by the reader); does not close it. */
    public static ProcedureCatalog load(Reader reader) {
        return load(reader, "(operator file)");
    }

    /**
     * @param source how to name the file in error messages, e.g. its path
     * @throws CatalogFormatException listing every malformed line with its number
     */
    public static ProcedureCatalog load(Reader reader, String source) {
        return new ProcedureCatalog(ProcedureFileParser.parse(reader, source));
    }

    /** A catalog of the given procedures, in order; codes must be unique. */
    public static ProcedureCatalog of(Collection<Procedure> procedures) {
        return new ProcedureCatalog(new ArrayList<>(procedures));
    }

    /** The latest version of the procedure with exactly this code, or null when the code is not registered (or null). */
    public Procedure byCode(String code) {
        return code == null ? null : byCode.get(code);
    }

    /**
     * The version in force for a dossier accepted on {@code date}, or null when the code is not
     * registered or no version of it was in force that day.
     */
    public Procedure byCode(String code, java.time.LocalDate date) {
        return byCode(code, date.toEpochDay());
    }

    /** {@link #byCode(String, java.time.LocalDate)} with the date as an epoch day (the per-event path). */
    public Procedure byCode(String code, long epochDay) {
        List<Procedure> vs = code == null ? null : versions.get(code);
        if (vs == null) {
            return null;
        }
        for (int i = 0; i < vs.size(); i++) {
            Procedure v = vs.get(i);
            if (v.inForceOn(epochDay)) {
                return v;
            }
        }
        return null;
    }

    /** Every version of a code, oldest first; empty when not registered. */
    public List<Procedure> versions(String code) {
        return versions.getOrDefault(code, List.of());
    }

    /** Whether two versions are in force on a common date. */
    static boolean overlap(Procedure a, Procedure b) {
        java.time.LocalDate aFrom = a.validFrom() == null ? java.time.LocalDate.MIN : a.validFrom();
        java.time.LocalDate bFrom = b.validFrom() == null ? java.time.LocalDate.MIN : b.validFrom();
        java.time.LocalDate aTo = a.validTo() == null ? java.time.LocalDate.MAX : a.validTo();
        java.time.LocalDate bTo = b.validTo() == null ? java.time.LocalDate.MAX : b.validTo();
        return !aTo.isBefore(bFrom) && !bTo.isBefore(aFrom);
    }

    public boolean isRegistered(String code) {
        return byCode(code) != null;
    }

    /** Every procedure in its latest version, in file order. */
    public List<Procedure> all() {
        return all;
    }

    /** The procedures received at a level, in file order. */
    public List<Procedure> byLevel(AgencyLevel level) {
        return byLevel.get(Objects.requireNonNull(level, "level"));
    }

    public int size() {
        return all.size();
    }
}
