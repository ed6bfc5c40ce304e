package partnero.gateway.support;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Collects finished spans in memory when a test switches OpenTelemetry on; with a SpanExporter bean
 * present, Quarkus creates no OTLP exporter.
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
