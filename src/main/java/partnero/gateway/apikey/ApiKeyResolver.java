package partnero.gateway.apikey;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import partnero.gateway.config.ApiConfig;

/**
 * Decides which Partnero key a GraphQL request uses: the client's own {@code Authorization: Bearer}
 * token when it sends a non-blank one (so one gateway can serve several programs), else the
 * server-side {@code PARTNERO_API_KEY}, else none, and the request fails before anything is sent
 * ({@code request.GatewayRequest#key}).
 */
@ApplicationScoped
public class ApiKeyResolver {

    private static final String BEARER = "bearer ";
    /** Distinct client keys remembered with their fingerprint; a key not used for this long is forgotten. */
    static final int REMEMBERED_KEYS = 1_000;
    static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final RoutingContext request;
    private final Optional<ApiKey> serverKey;
    /**
     * The client keys seen lately: a key's fingerprint is a SHA-256, which every request would otherwise
     * compute again (twice: for the answer cache at the door, and for the data cache). Bounded, and only
     * in this process's memory, where the key is anyway while its requests run.
     */
    private final Cache<String, ApiKey> clientKeys = Caffeine.newBuilder().maximumSize(REMEMBERED_KEYS)
            .expireAfterAccess(FORGET_AFTER).build();

    ApiKeyResolver(RoutingContext request, ApiConfig config) {
        this.request = request;
        this.serverKey = config.api().key().filter(key -> !key.isBlank()).map(ApiKey::of);
    }

    /** The configured {@code PARTNERO_API_KEY}, if any. */
    public Optional<ApiKey> serverKey() {
        return serverKey;
    }

    /** The key the current HTTP request uses, if any (the door resolves it once per operation). */
    public Optional<ApiKey> keyOf() {
        return keyOf(request.request());
    }

    /** The key this HTTP request uses: its own bearer token, else the server key, else none. */
    public Optional<ApiKey> keyOf(HttpServerRequest request) {
        return clientKey(request).or(() -> serverKey);
    }

    private Optional<ApiKey> clientKey(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length());
        return token.isBlank() ? Optional.empty() : Optional.of(clientKeys.get(token, ApiKey::of));
    }
}
