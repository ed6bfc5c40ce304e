package partnero.gateway.answers;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import partnero.gateway.request.GatewayRequest.Stale;

/**
 * Answers built from data served past its ttl in place of Partnero's failure
 * ({@code partnero.cache.stale-if-error}) say so, at the top level:
 * {@code "extensions": {"stale": {"ageSeconds": N, "reason": "UPSTREAM_UNAVAILABLE"}}}, and are counted in
 * {@code partnero_stale_answers_total{reason}}. They are never kept as fresh, here or by HTTP caches.
 */
@ApplicationScoped
public class StaleAnswers {

    private final MeterRegistry metrics;

    StaleAnswers(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** The answer {@code body} with {@code extensions.stale} added, counted. */
    public byte[] mark(byte[] body, Stale stale) {
        Counter.builder("partnero_stale_answers").tag("reason", stale.reason())
                .description("Answers built from data past its ttl because Partnero failed (partnero.cache.stale-if-error)")
                .register(metrics).increment();
        JsonObject answer = new JsonObject(Buffer.buffer(body));
        JsonObject extensions = answer.getJsonObject("extensions");
        if (extensions == null) {
            extensions = new JsonObject();
            answer.put("extensions", extensions);
        }
        extensions.put("stale", new JsonObject().put("ageSeconds", stale.ageSeconds()).put("reason", stale.reason()));
        return answer.toBuffer().getBytes();
    }
}
