package io.dossierpulse.domain.agency;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The city's agencies with their effective dates, loaded once and immutable. Answers the questions
 * rollups ask per event without allocating: the agency of a code, and the chain it rolls up to on a
 * day. Because a code never changes parent (a reorganisation ends rows and starts new ones), the
 * chain of each code is computed once at load and only its validity is checked per call.
 *
 * <p>The default data is {@value #DEFAULT_RESOURCE}; its header documents the line format.
 */
public final class AgencyDirectory {

    /** The Hanoi hierarchy shipped with the product, on the classpath. */
    public static final String DEFAULT_RESOURCE = "/domain/agency/hanoi-agencies.psv";

    /** Everything known about one code; ancestors are precomputed, nearest first. */
    private record Entry(Agency agency, int weight, String successorCode, List<String> fields,
                         List<Agency> ancestors, List<Agency> children) {
    }

    private final List<Agency> all;
    private final Map<String, Entry> byCode;
    private final Agency root;
    /** Built on first use; a benign race builds it twice. */
    private volatile Map<String, String> codesByName;
    /** Days on which the set of active agencies changes, ascending; era i runs [eraStarts[i], eraStarts[i+1]). */
    private final LocalDate[] eraStarts;
    /** Active agencies per era and level, in file order. */
    private final List<Map<AgencyLevel, List<Agency>>> activeByEra;

    private AgencyDirectory(List<AgencyFileParser.Row> rows) {
        List<Agency> agencies = new ArrayList<>(rows.size());
        Map<String, List<Agency>> children = new HashMap<>();
        Agency foundRoot = null;
        for (AgencyFileParser.Row row : rows) {
            Agency a = row.agency();
            agencies.add(a);
            if (a.isRoot()) {
                foundRoot = a;
            } else {
                children.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a);
            }
        }
        this.all = List.copyOf(agencies);
        this.root = foundRoot;
        Map<String, Agency> plain = new HashMap<>(agencies.size() * 2);
        for (Agency a : agencies) {
            plain.put(a.code(), a);
        }
        Map<String, Entry> entries = new HashMap<>(agencies.size() * 2);
        for (AgencyFileParser.Row row : rows) {
            Agency a = row.agency();
            List<Agency> chain = new ArrayList<>();
            for (String p = a.parentCode(); p != null; p = plain.get(p).parentCode()) {
                chain.add(plain.get(p));
            }
            entries.put(a.code(), new Entry(a, row.weight(), row.successorCode(), row.fields(),
                    List.copyOf(chain), List.copyOf(children.getOrDefault(a.code(), List.of()))));
        }
        this.byCode = entries;

        TreeSet<LocalDate> starts = new TreeSet<>();
        for (Agency a : agencies) {
            starts.add(a.validFrom());
            if (a.validTo() != null) {
                starts.add(a.validTo().plusDays(1));
            }
        }
        this.eraStarts = starts.toArray(new LocalDate[0]);
        List<Map<AgencyLevel, List<Agency>>> eras = new ArrayList<>(eraStarts.length);
        for (LocalDate start : eraStarts) {
            Map<AgencyLevel, List<Agency>> levels = new EnumMap<>(AgencyLevel.class);
            for (AgencyLevel level : AgencyLevel.values()) {
                List<Agency> active = new ArrayList<>();
                for (Agency a : agencies) {
                    if (a.level() == level && a.isActiveOn(start)) {
                        active.add(a);
                    }
                }
                levels.put(level, List.copyOf(active));
            }
            eras.add(levels);
        }
        this.activeByEra = List.copyOf(eras);
    }

    /** Loads the hierarchy shipped on the classpath ({@value #DEFAULT_RESOURCE}). */
    public static AgencyDirectory loadDefault() {
        return io.dossierpulse.domain.DataFileLines.loadResource(DEFAULT_RESOURCE, AgencyDirectory::load);
    }

    /** Loads an operator's agency file (UTF-8 text already decoded by the reader); does not close it. */
    public static AgencyDirectory load(Reader reader) {
        return load(reader, "(operator file)");
    }

    /**
     * @param source how to name the file in error messages, e.g. its path
     * @throws AgencyFormatException listing every malformed line and broken link with its line number
     */
    public static AgencyDirectory load(Reader reader, String source) {
        return new AgencyDirectory(AgencyFileParser.parse(reader, source));
    }

    /** The agency with exactly this code, whatever its dates; null when unknown (or null). */
    public Agency byCode(String code) {
        Entry e = entry(code);
        return e == null ? null : e.agency();
    }

    /**
     * The code of the agency a text stands for: its code, or its name as the directory writes it
     * (compared without case, accents' encoding or extra spaces: sync sources such as the national
     * portal's DonViXuLy send names); null when it stands for none.
     */
    public String codeFor(String codeOrName) {
        if (codeOrName == null) {
            return null;
        }
        if (entry(codeOrName) != null) {
            return codeOrName;
        }
        Map<String, String> names = codesByName;
        if (names == null) {
            names = new HashMap<>(all.size() * 2);
            for (Agency a : all) {
                names.putIfAbsent(nameKey(a.name()), a.code());
            }
            codesByName = names;
        }
        return names.get(nameKey(codeOrName));
    }

    private static String nameKey(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).strip()
                .replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /** The city root (the city People's Committee), ancestor of every other agency. */
    public Agency root() {
        return root;
    }

    /** Every agency of every period, in file order. */
    public List<Agency> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /**
     * The agency this code rolls up to on that day; null when the code is unknown, not active on
     * that day, or the root.
     */
    public Agency parentOf(String code, LocalDate date) {
        List<Agency> chain = ancestors(code, date);
        return chain.isEmpty() ? null : chain.get(0);
    }

    /**
     * The rollup chain of a code on a day, nearest first and ending at the root; empty for the root
     * itself and when the code is unknown or not active on that day. Shared and unmodifiable: the
     * file checks guarantee that a parent spans its children's validity, so the chain is the same
     * on every day the code is active.
     */
    public List<Agency> ancestors(String code, LocalDate date) {
        Entry e = entry(code);
        if (e == null || !e.agency().isActiveOn(date)) {
            return List.of();
        }
        return e.ancestors();
    }

    /**
     * The ancestors a count of {@code code} dated {@code date} rolls up to: those of that day, or,
     * for a count dated after the agency ended (a dossier it accepted that ended later), those of its
     * last day: the structure of the dossier's acceptance.
     */
    public List<Agency> ancestorsAsCounted(String code, LocalDate date) {
        Entry e = entry(code);
        LocalDate on = e != null && e.agency().validTo() != null && date.isAfter(e.agency().validTo())
                ? e.agency().validTo() : date;
        return ancestors(code, on);
    }

    /** {@link #isWithin} by {@link #ancestorsAsCounted}. */
    public boolean isWithinAsCounted(String code, String scope, LocalDate date) {
        return code.equals(scope) || named(ancestorsAsCounted(code, date), scope);
    }

    /** Whether {@code code} is {@code scope} itself or rolls up to it on that day. */
    public boolean isWithin(String code, String scope, LocalDate date) {
        return code.equals(scope) || named(ancestors(code, date), scope);
    }

    private static boolean named(List<Agency> chain, String code) {
        for (Agency a : chain) {
            if (a.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The agencies of a level active on a day, in file order; shared and unmodifiable. CITY
     * includes the root itself.
     */
    public List<Agency> activeOn(LocalDate date, AgencyLevel level) {
        int era = eraOf(date);
        return era < 0 ? List.of() : activeByEra.get(era).get(level);
    }

    /** The agencies whose parent is this code and that are active on that day, in file order. */
    public List<Agency> childrenOf(String code, LocalDate date) {
        Entry e = entry(code);
        if (e == null) {
            return List.of();
        }
        List<Agency> out = new ArrayList<>();
        for (Agency c : e.children()) {
            if (c.isActiveOn(date)) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Relative dossier volume of an agency, for realistic test traffic; 0 when unknown. */
    public int weightOf(String code) {
        Entry e = entry(code);
        return e == null ? 0 : e.weight();
    }

    /** The agency that took over this one's dossiers when it ended; null when none is recorded. */
    public Agency successorOf(String code) {
        Entry e = entry(code);
        return e == null || e.successorCode() == null ? null : byCode.get(e.successorCode()).agency();
    }

    /**
     * The agency that holds this code's dossiers on a day: the agency itself when active, else its
     * successor, followed until one is active. Null when the code is unknown, the day is before
     * the agency began, or the chain of successors runs out.
     */
    public Agency holderOn(String code, LocalDate date) {
        Entry e = entry(code);
        if (e == null || date.isBefore(e.agency().validFrom())) {
            return null;
        }
        for (int hops = 0; e != null && hops <= all.size(); hops++) {
            if (e.agency().isActiveOn(date)) {
                return e.agency();
            }
            e = e.successorCode() == null ? null : byCode.get(e.successorCode());
        }
        return null;
    }

    /**
     * The agency holding an ended agency's dossiers on {@code end} (its successor, followed to an
     * active one): where a period ending then also counts the ended agency's figures. Null while the
     * agency is active that day, when it is unknown, or when no holder is recorded.
     */
    public Agency holderAfterEnd(String code, LocalDate end) {
        Entry e = entry(code);
        if (e == null || e.agency().isActiveOn(end)) {
            return null;
        }
        Agency holder = holderOn(code, end);
        return holder == null || holder.code().equals(code) ? null : holder;
    }

    /** Fields of administration a city body handles, most important first; empty when none are listed. */
    public List<String> fieldsOf(String code) {
        Entry e = entry(code);
        return e == null ? List.of() : e.fields();
    }

    /**
     * The days on which the set of active agencies changes, ascending (each agency's validFrom and
     * the day after its validTo). Between two consecutive days the hierarchy is constant.
     */
    public List<LocalDate> changeDates() {
        return List.of(eraStarts);
    }

    private Entry entry(String code) {
        return code == null ? null : byCode.get(code);
    }

    /** Index of the era containing the day, or -1 before the first agency began. */
    private int eraOf(LocalDate date) {
        int i = Arrays.binarySearch(eraStarts, date);
        return i >= 0 ? i : -i - 2;
    }
}
