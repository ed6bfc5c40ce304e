package partnero.gateway.documents;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The trusted documents, read once from a manifest file in either format web build tools write:
 * <ul>
 * <li>Apollo's {@code generate-persisted-query-manifest}:
 * {@code {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "body", "name", "type"}]}};</li>
 * <li>GraphQL Code Generator's client preset ({@code persistedDocuments: true}), also Relay's:
 * {@code {"<hash>": "<document>", ...}}.</li>
 * </ul>
 * Each document is known by its id (what the client sends as {@code sha256Hash}) and by its exact text.
 */
public final class TrustedManifest {

    private final Map<String, String> byId;
    private final Set<String> bodies;

    private TrustedManifest(Map<String, String> byId) {
        this.byId = Map.copyOf(byId);
        this.bodies = Set.copyOf(new HashSet<>(byId.values()));
    }

    /** Reads {@code file}; anything unreadable is an {@link IllegalArgumentException} that says what and where. */
    public static TrustedManifest read(Path file) {
        JsonValue json;
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader reader = jsonProvider().createReader(text)) {
            json = reader.readValue();
        } catch (IOException e) {
            throw new IllegalArgumentException("the trusted documents manifest " + file + " cannot be read: " + e.getMessage(), e);
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("the trusted documents manifest " + file + " is not JSON: " + e.getMessage(), e);
        }
        if (!(json instanceof JsonObject manifest)) {
            throw invalid(file, "it must be a JSON object");
        }
        Map<String, String> byId = new HashMap<>();
        if (manifest.containsKey("operations")) {
            if (!(manifest.get("operations") instanceof JsonArray operations)) {
                throw invalid(file, "'operations' must be an array");
            }
            for (int i = 0; i < operations.size(); i++) {
                if (!(operations.get(i) instanceof JsonObject operation)) {
                    throw invalid(file, "operation " + i + " must be an object");
                }
                add(file, byId, text(operation.get("id")).orElseThrow(() -> invalid(file, "the operation " + described(operation) + " has no 'id'")),
                        text(operation.get("body")).orElseThrow(() -> invalid(file, "the operation " + described(operation) + " has no 'body'")));
            }
        } else {
            for (Map.Entry<String, JsonValue> entry : manifest.entrySet()) {
                add(file, byId, entry.getKey(),
                        text(entry.getValue()).orElseThrow(() -> invalid(file, "the document of '" + entry.getKey() + "' must be a non-empty string")));
            }
        }
        if (byId.isEmpty()) {
            throw invalid(file, "it holds no document");
        }
        return new TrustedManifest(byId);
    }

    /** The document with this id, if the manifest has it. */
    public Optional<String> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Whether {@code document} is, character for character, one of the manifest's. */
    public boolean contains(String document) {
        return bodies.contains(document);
    }

    public int size() {
        return byId.size();
    }

    private static void add(Path file, Map<String, String> byId, String id, String body) {
        String before = byId.putIfAbsent(id, body);
        if (before != null && !before.equals(body)) {
            throw invalid(file, "the id '" + id + "' names two different documents");
        }
    }

    private static String described(JsonObject operation) {
        return text(operation.get("name")).map(name -> "'" + name + "'").orElse("without a name");
    }

    private static Optional<String> text(JsonValue value) {
        return value instanceof JsonString string && !string.getString().isBlank() ? Optional.of(string.getString()) : Optional.empty();
    }

    private static IllegalArgumentException invalid(Path file, String what) {
        return new IllegalArgumentException("the trusted documents manifest " + file + " is not one this gateway reads ("
                + "Apollo's persisted-query manifest or a {\"hash\": \"document\"} map): " + what);
    }
}
