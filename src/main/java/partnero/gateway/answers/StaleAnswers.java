package partnero.gateway.answers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import partnero.gateway.request.GatewayRequest.Stale;

/**
 * Answers built from data served past its ttl in place of Partnero's failure
 * ({@code partnero.cache.stale-if-error}) say so, at the top level:
 * {@code "extensions": {"stale": {"ageSeconds": N, "reason": "UPSTREAM_UNAVAILABLE"}}}, and are counted in
 * {@code partnero_stale_answers_total{reason}}. They are never kept as fresh, here or by HTTP caches.
 * <p>
 * The mark is written into the answer's bytes, which are otherwise left exactly as they are: reading
 * the answer into a tree and writing it again turned Partnero's {@code "40.00"} into {@code 40.0} (a JSON
 * number read as a double) and would change string escapes (found by the chaos run, docs/chaos.md).
 */
@ApplicationScoped
public class StaleAnswers {

    private static final JsonFactory JSON = new JsonFactory();

    private final MeterRegistry metrics;

    StaleAnswers(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** The answer {@code body} (a JSON object) with {@code extensions.stale} added, counted. */
    public byte[] mark(byte[] body, Stale stale) {
        Counter.builder("partnero_stale_answers").tag("reason", stale.reason())
                .description("Answers built from data past its ttl because Partnero failed (partnero.cache.stale-if-error)")
                .register(metrics).increment();
        return withStale(body, stale);
    }

    /** {@code body} with the mark spliced in: into its top-level {@code extensions}, or as that member, last. */
    static byte[] withStale(byte[] body, Stale stale) {
        String member = "\"stale\":{\"ageSeconds\":" + stale.ageSeconds() + ",\"reason\":\"" + stale.reason() + "\"}";
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an answer is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean extensions = parser.currentName().equals("extensions");
                JsonToken value = parser.nextToken();
                if (extensions && value == JsonToken.START_OBJECT) {
                    int inside = (int) parser.currentLocation().getByteOffset(); // just after its '{'
                    boolean empty = parser.nextToken() == JsonToken.END_OBJECT;
                    return splice(body, inside, member + (empty ? "" : ","));
                }
                parser.skipChildren();
            }
            int end = (int) parser.currentLocation().getByteOffset() - 1; // the closing '}'
            boolean empty = body[lastBefore(body, end)] == '{';
            return splice(body, end, (empty ? "" : ",") + "\"extensions\":{" + member + "}");
        } catch (IOException e) {
            throw new IllegalArgumentException("an answer that does not read as JSON", e);
        }
    }

    private static int lastBefore(byte[] body, int index) {
        int i = index - 1;
        while (i > 0 && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i--;
        }
        return i;
    }

    private static byte[] splice(byte[] body, int at, String text) {
        byte[] inserted = text.getBytes(StandardCharsets.UTF_8);
        byte[] result = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(body, at, result, at + inserted.length, body.length - at);
        return result;
    }
}
