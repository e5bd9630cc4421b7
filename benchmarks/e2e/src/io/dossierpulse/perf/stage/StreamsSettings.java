package io.dossierpulse.perf.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings production runs with, read from the service's own
 * {@code application.properties} (the {@code kafka-streams.*} keys Quarkus passes through), so
 * that every Streams stage follows the service when its settings change. {@code ${key:default}}
 * takes the system property or the default; the state directory, the application id, the
 * bootstrap servers and the thread count are the harness's.
 */
public final class StreamsSettings {

    private static final String PREFIX = "kafka-streams.";
    private static final String APPLICATION_ID = "quarkus.kafka-streams.application-id";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    private StreamsSettings() {
    }

    /** The production keys, resolved, without the prefix. */
    public static Map<String, String> production() {
        Properties file = applicationProperties();
        Map<String, String> out = new TreeMap<>();
        for (String key : file.stringPropertyNames()) {
            // The static member name is per service instance; a harness stage is its own group.
            if (key.startsWith(PREFIX) && !key.equals(PREFIX + "group.instance.id")) {
                out.put(key.substring(PREFIX.length()), resolve(file.getProperty(key)));
            }
        }
        return out;
    }

    /** The service's application.id: its consumer group, and the prefix of its changelog topics. */
    public static String applicationId() {
        String id = applicationProperties().getProperty(APPLICATION_ID);
        if (id == null) {
            throw new IllegalStateException(APPLICATION_ID + " is not in application.properties");
        }
        return resolve(id);
    }

    public static Properties forStage(Map<String, String> production, String applicationId, String bootstrap,
            Path stateDir, int threads) {
        Properties p = new Properties();
        p.putAll(production);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(threads));
        return p;
    }

    private static Properties applicationProperties() {
        Properties file = new Properties();
        try (InputStream in = StreamsSettings.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties of the service is not on the classpath");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                file.load(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.properties", e);
        }
        return file;
    }

    private static String resolve(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = System.getProperty(m.group(1), m.group(2) == null ? "" : m.group(2));
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
