package partnero.gateway.shared;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * Whether the shared cache backend answers, at {@code /q/health/group/shared-cache}: DOWN while the
 * last Redis command failed. Deliberately not a readiness check: without Redis a replica still
 * answers every request (from its own memory and from Partnero), so a Redis outage must not take
 * every replica out of the load balancer. Operators alert on this group, or on
 * {@code partnero_shared_cache_up}.
 */
@HealthGroup("shared-cache")
@ApplicationScoped
class SharedStoreHealth implements HealthCheck {

    private final SharedStore store;

    SharedStoreHealth(SharedStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("shared-cache")
                .withData("backend", store.enabled() ? "redis" : "memory");
        if (store.isUp()) {
            return response.up().build();
        }
        return response.down()
                .withData("lastFailure", store.lastFailure())
                .withData("since", Instant.ofEpochMilli(store.lastFailureMillis()).toString())
                .build();
    }
}
