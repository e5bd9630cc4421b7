package io.dossierpulse.domain.catalog;

import io.dossierpulse.domain.agency.AgencyLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 */
public final class ProcedureCatalog {

    /** The catalog shipped with the product, on the classpath. */
    public static final String DEFAULT_RESOURCE = "/domain/catalog/procedures.psv";

    private final List<Procedure> all;
    private final Map<String, Procedure> byCode;
    private final Map<AgencyLevel, List<Procedure>> byLevel;

    private ProcedureCatalog(List<Procedure> procedures) {
        this.all = List.copyOf(procedures);
        this.byCode = new HashMap<>(all.size() * 2);
        Map<AgencyLevel, List<Procedure>> levels = new EnumMap<>(AgencyLevel.class);
        for (AgencyLevel level : AgencyLevel.values()) {
            levels.put(level, new ArrayList<>());
        }
        for (Procedure p : all) {
            if (byCode.putIfAbsent(p.code(), p) != null) {
                throw new IllegalArgumentException("duplicate procedure code " + p.code());
            }
            levels.get(p.level()).add(p);
        }
        levels.replaceAll((level, list) -> List.copyOf(list));
        this.byLevel = levels;
    }

    /** Loads the catalog shipped on the classpath ({@value #DEFAULT_RESOURCE}). */
    public static ProcedureCatalog loadDefault() {
        InputStream in = ProcedureCatalog.class.getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("procedure catalog resource missing: " + DEFAULT_RESOURCE);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(reader, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + DEFAULT_RESOURCE, e);
        }
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

    /** The procedure with exactly this code, or null when the code is not registered (or null). */
    public Procedure byCode(String code) {
        return code == null ? null : byCode.get(code);
    }

    public boolean isRegistered(String code) {
        return byCode(code) != null;
    }

    /** Every procedure, in file order. */
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
