package partnero.gateway.engine;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.arc.Unremovable;

/**
 * Keeps client-chosen operation names from growing the metrics without bound: past 100 distinct
 * names, further ones are not recorded by name.
 */
@Singleton
class OperationNames {

    @Produces
    @Singleton
    @Unremovable
    MeterFilter capOperationNames() {
        return MeterFilter.maximumAllowableTags(OperationTelemetry.TIMER, "operation", 100, MeterFilter.deny());
    }
}
