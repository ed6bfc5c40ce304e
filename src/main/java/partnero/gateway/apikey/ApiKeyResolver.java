package partnero.gateway.apikey;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import partnero.gateway.config.GatewayConfig;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * Decides which Partnero key a GraphQL request uses: the client's own {@code Authorization: Bearer}
 * token when it sends a non-blank one (so one gateway can serve several programs), else the
 * server-side {@code PARTNERO_API_KEY}, else none, and the request fails before anything is sent.
 */
@ApplicationScoped
public class ApiKeyResolver {

    private static final String BEARER = "bearer ";

    private final RoutingContext request;
    private final Optional<ApiKey> serverKey;

    ApiKeyResolver(RoutingContext request, GatewayConfig config) {
        this.request = request;
        this.serverKey = config.api().key().filter(key -> !key.isBlank()).map(ApiKey::of);
    }

    /** The configured {@code PARTNERO_API_KEY}, if any. */
    public Optional<ApiKey> serverKey() {
        return serverKey;
    }

    /** The key for the current request, or {@code UNAUTHENTICATED}. */
    public ApiKey currentKey() {
        return keyOf(request.request()).orElseThrow(() -> GatewayException.of(ErrorCode.UNAUTHENTICATED,
                "No Partnero API key: send 'Authorization: Bearer <key>' or configure PARTNERO_API_KEY on the gateway"));
    }

    /** The key this HTTP request uses: its own bearer token, else the server key, else none. */
    public Optional<ApiKey> keyOf(HttpServerRequest request) {
        return clientKey(request).or(() -> serverKey);
    }

    private static Optional<ApiKey> clientKey(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length());
        return token.isBlank() ? Optional.empty() : Optional.of(ApiKey.of(token));
    }
}
