package io.dossierpulse.perf.probe;

import io.dossierpulse.perf.stage.ServiceChild;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** One read of the service's /q/metrics (Prometheus text format), summed by name and labels. */
public final class MetricsScrape {

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private MetricsScrape(List<Sample> samples) {
        this.samples = samples;
    }

    /** Null when the service does not answer yet. */
    public static MetricsScrape of(ServiceChild child) throws InterruptedException {
        HttpResponse<String> r = child.getManagement("/q/metrics", Duration.ofSeconds(5));
        return r == null || r.statusCode() != 200 ? null : parse(r.body());
    }

    static MetricsScrape parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            Map<String, String> labels = new HashMap<>();
            String name;
            String rest;
            if (brace >= 0 && (space < 0 || brace < space)) {
                name = line.substring(0, brace);
                int close = labels(line, brace + 1, labels);
                rest = line.substring(close + 1).trim();
            } else {
                name = line.substring(0, space);
                rest = line.substring(space + 1).trim();
            }
            String value = rest.split("\\s+")[0];
            try {
                out.add(new Sample(name, labels, Double.parseDouble(value)));
            } catch (NumberFormatException ignored) {
                // NaN and infinities parse; anything else is not a sample line.
            }
        }
        return new MetricsScrape(out);
    }

    /** Parses {@code a="x",b="y"} from {@code from}; returns the index of the closing brace. */
    private static int labels(String line, int from, Map<String, String> into) {
        int i = from;
        while (i < line.length() && line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String key = line.substring(i, eq).trim();
            StringBuilder v = new StringBuilder();
            int j = eq + 2;
            while (line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\') {
                    c = line.charAt(++j);
                    v.append(c == 'n' ? '\n' : c);
                } else {
                    v.append(c);
                }
                j++;
            }
            into.put(key, v.toString());
            i = j + 1;
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            }
        }
        return i;
    }

    /** The sum over every sample of that name whose labels include the given ones ("area=heap"). */
    public double sum(String name, String... labels) {
        double total = 0;
        for (Sample s : samples) {
            if (s.name().equals(name) && matches(s.labels(), labels)) {
                total += s.value();
            }
        }
        return total;
    }

    /** The largest sample of that name with those labels; NaN when there is none. */
    double max(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && matches(s.labels(), labels))
                .mapToDouble(Sample::value).max().orElse(Double.NaN);
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** Sums by name of every metric whose name passes the filter, in name order. */
    public Map<String, Double> sumsWhere(Predicate<String> name) {
        Map<String, Double> out = new TreeMap<>();
        for (Sample s : samples) {
            if (name.test(s.name())) {
                out.merge(s.name(), s.value(), Double::sum);
            }
        }
        return out;
    }

    private static boolean matches(Map<String, String> have, String[] want) {
        for (String kv : want) {
            int eq = kv.indexOf('=');
            if (!kv.substring(eq + 1).equals(have.get(kv.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }
}
