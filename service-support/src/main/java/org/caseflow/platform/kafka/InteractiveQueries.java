package org.caseflow.platform.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.StreamsMetadata;
import org.caseflow.platform.web.CaseflowProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.client.RestClient;

/**
 * Interactive queries across instances: a key's state lives on the instance that owns its partition;
 * reads for a key another instance owns are forwarded there (once: a forwarded call is answered locally).
 * Each instance must set {@code spring.kafka.streams.properties.application.server} to where peers reach it.
 */
public class InteractiveQueries {

    public static final String FORWARDED = "X-Caseflow-Forwarded";

    private final StreamsBuilderFactoryBean factory;
    private final HostInfo self;
    private final RestClient http = RestClient.create();

    public InteractiveQueries(StreamsBuilderFactoryBean factory, String applicationServer) {
        this.factory = factory;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
    }

    /** The instance owning {@code key} in {@code store}, unless it is this one (or the call was already forwarded). */
    public Optional<HostInfo> remoteOwner(String store, String key, HttpServletRequest request) {
        if (request.getHeader(FORWARDED) != null) {
            return Optional.empty();
        }
        KeyQueryMetadata owner = streams().queryMetadataForKey(store, key, Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw unavailable();
        }
        return owner.activeHost().equals(self) ? Optional.empty() : Optional.of(owner.activeHost());
    }

    /** The other instances of this service, for reads that span every case (the worklist). */
    public List<HostInfo> otherInstances() {
        return streams().metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo).filter(h -> !h.equals(self)).distinct().toList();
    }

    /** GET the same path on {@code host}, as the same user; answers with the peer's status and body. */
    public ResponseEntity<String> forward(HostInfo host, String pathAndQuery, HttpServletRequest request) {
        return http.get().uri("http://" + host.host() + ":" + host.port() + pathAndQuery)
                .headers(h -> {
                    String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
                    if (auth != null) {
                        h.set(HttpHeaders.AUTHORIZATION, auth);
                    }
                    h.set(FORWARDED, "1");
                })
                .exchange((req, res) -> ResponseEntity.status(res.getStatusCode())
                        .contentType(res.getHeaders().getContentType() == null ? org.springframework.http.MediaType.APPLICATION_JSON : res.getHeaders().getContentType())
                        .body(new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    public <V> ReadOnlyKeyValueStore<String, V> localStore(String name) {
        try {
            return streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw unavailable();
        }
    }

    private KafkaStreams streams() {
        KafkaStreams streams = factory.getKafkaStreams();
        if (streams == null || !streams.state().isRunningOrRebalancing()) {
            throw unavailable();
        }
        return streams;
    }

    private static CaseflowProblem unavailable() {
        return new CaseflowProblem(HttpStatus.SERVICE_UNAVAILABLE, "STORE_NOT_READY",
                "State is being restored after a restart or rebalance; try again in a few seconds.", Map.of());
    }
}
