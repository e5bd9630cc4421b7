package io.dossierpulse.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Interactive queries across instances: finds which instance holds a key's partition and, when it
 * is another one, forwards the request there. A forwarded request carries the cluster's shared
 * secret in {@link #FORWARDED_HEADER} (so it is answered there and never forwarded twice, and only
 * an instance can mark it so) and the caller's bearer token (so the owner checks the same roles).
 */
@ApplicationScoped
public class InstanceRouter {

    /** Header marking a request forwarded by another instance; its value is the cluster secret. */
    public static final String FORWARDED_HEADER = "X-Pulse-Forwarded";

    private final KafkaStreams streams;
    private final HostInfo self;
    private final byte[] secret;
    private final JsonWebToken caller;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    InstanceRouter(KafkaStreams streams,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer,
            ClusterSecret secret, JsonWebToken caller) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
        this.secret = secret.forwardingMark();
        this.caller = caller;
    }

    /** Whether this request was forwarded by an instance of the cluster (a client's claim is ignored). */
    public boolean forwardedByInstance(String forwardedHeader) {
        return forwardedHeader != null
                && MessageDigest.isEqual(forwardedHeader.getBytes(StandardCharsets.UTF_8), secret);
    }

    /** One path segment, percent-encoded (a client's code may hold '/', '?', '#' or spaces). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Where the key lives: null when it is here, the remote host otherwise. Throws when unknown yet. */
    public HostInfo ownerOf(String store, String key) {
        KeyQueryMetadata md = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (md == null || md == KeyQueryMetadata.NOT_AVAILABLE) {
            throw new NotReadyException("the owner of this key is not known yet (rebalancing)");
        }
        return md.activeHost().equals(self) ? null : md.activeHost();
    }

    /** Asks the owning instance and passes its answer on as it is. */
    public Uni<Response> forward(HostInfo host, String pathAndQuery) {
        HttpRequest request = forwarded(host, pathAndQuery);
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                .map(r -> Response.status(r.statusCode()).entity(r.body())
                        .type(r.headers().firstValue("content-type").orElse("application/json")).build());
    }

    /** The other instances of the application, as Kafka Streams knows them now. */
    public java.util.List<HostInfo> otherInstances() {
        return streams.metadataForAllStreamsClients().stream().map(m -> m.hostInfo())
                .filter(h -> !h.equals(self)).distinct().toList();
    }

    /**
     * Scatter-gather: this instance's part and the same GET answered by every other instance (each
     * for its own partitions), parsed; fails fast when one instance cannot answer.
     */
    public <T> Uni<java.util.List<T>> gather(T local, String pathAndQuery, java.util.function.Function<String, T> parse) {
        java.util.List<Uni<T>> parts = new java.util.ArrayList<>();
        parts.add(Uni.createFrom().item(local));
        for (HostInfo host : otherInstances()) {
            parts.add(fetch(host, pathAndQuery).map(parse));
        }
        return Uni.join().all(parts).andFailFast();
    }

    /** GET on another instance; the body, or a failure when it does not answer 200. */
    public Uni<String> fetch(HostInfo host, String pathAndQuery) {
        HttpRequest request = forwarded(host, pathAndQuery);
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(r -> {
                    if (r.statusCode() != 200) {
                        throw new NotReadyException("instance " + host + " answered " + r.statusCode());
                    }
                    return r.body();
                });
    }

    /**
     * A GET to another instance, marked so that it is answered there and never forwarded again, with
     * the caller's token. Built on the request's thread, where the caller's token is known.
     */
    private HttpRequest forwarded(HostInfo host, String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(5)).header(FORWARDED_HEADER, new String(secret, StandardCharsets.UTF_8));
        String token = caller.getRawToken();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.GET().build();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The processor cannot answer yet (starting or rebalancing); clients retry. */
    public static final class NotReadyException extends RuntimeException {
        public NotReadyException(String message) {
            super(message);
        }
    }
}
