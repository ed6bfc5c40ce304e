package partnero.gateway.partnero;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.apikey.ApiKeyResolver;
import partnero.gateway.error.GatewayException;

/**
 * Whether Partnero answers the configured key: {@code GET /customers?page=1&limit=1}, straight through
 * the REST client (no cache, no retries, no breaker), at {@code /q/health/group/partnero}.
 * <p>
 * Deliberately not a readiness check: when Partnero blinks, every replica would turn not-ready at
 * once and the load balancer would drop them all, turning a partial upstream outage into a total
 * one. The gateway stays ready and answers {@code UPSTREAM_*} errors; operators alert on this group.
 */
@HealthGroup("partnero")
@ApplicationScoped
class PartneroReachability implements AsyncHealthCheck {

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final PartneroApi api;
    private final Optional<ApiKey> serverKey;

    PartneroReachability(@RestClient PartneroApi api, ApiKeyResolver keys) {
        this.api = api;
        this.serverKey = keys.serverKey();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("partnero");
        if (serverKey.isEmpty()) {
            return Uni.createFrom().item(response.up()
                    .withData("key", "none configured: only clients' own keys are used, so there is nothing to check")
                    .build());
        }
        return api.listCustomers(serverKey.get().bearerHeader(), 1, 1, null, null)
                .ifNoItem().after(PROBE_TIMEOUT).failWith(UpstreamFailures::deadlineExceeded)
                .map(page -> response.up().withData("key", "accepted").build())
                .onFailure().recoverWithItem(failure -> {
                    GatewayException error = UpstreamFailures.toGatewayException(failure, "GET /customers (health)");
                    response.down().withData("error", error.code().name());
                    error.upstreamStatus().ifPresent(status -> response.withData("upstreamStatus", status));
                    return response.build();
                });
    }
}
