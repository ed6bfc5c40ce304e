package partnero.gateway.web;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * One GraphQL-over-HTTP request as the gateway read it: from a GET's URL (parameters decoded once,
 * by Vert.x), a POST's JSON (or {@code application/graphql}) body, or one element of a batch. Its
 * {@code query} is null when it names its document by hash only ({@code persistedHash}, Apollo's
 * {@code extensions.persistedQuery}). Unreadable requests are {@link BadRequest}s, answered 400
 * before anything runs.
 */
public record GraphQLRequest(String query, String operationName, JsonObject variables, JsonObject extensions, String persistedHash) {

    /** A document's id: Apollo's SHA-256 in hex, or another manifest's id (GraphQL Code Generator may use SHA-1). */
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9A-Za-z_:.-]{1,128}");

    /** A request that carries its document and names no hash. */
    public GraphQLRequest(String query, String operationName, JsonObject variables, JsonObject extensions) {
        this(query, operationName, variables, extensions, null);
    }

    /** Raw line breaks and tabs in a POSTed body become spaces, as Quarkus' own reading does (Java text blocks). */
    private static final Pattern RAW_WHITESPACE = Pattern.compile("[\\n\\r\\t]");

    public static GraphQLRequest fromUrl(RoutingContext ctx) {
        return of("GET /graphql needs a 'query' parameter", parameter(ctx, "query"), parameter(ctx, "operationName"),
                jsonObject("the 'variables' parameter", parameter(ctx, "variables")),
                jsonObject("the 'extensions' parameter", parameter(ctx, "extensions")));
    }

    public static GraphQLRequest fromBody(RoutingContext ctx) {
        String body = ctx.body().asString();
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("application/graphql")) {
            return of("POST /graphql as application/graphql needs the document as its body", body, null, null, null);
        }
        if (body == null || body.isBlank()) {
            throw new BadRequest("POST /graphql needs a JSON body with a 'query'");
        }
        return fromJson(jsonObject("the body", withoutRawWhitespace(body)));
    }

    /** Whether a POST's body is a batch: a JSON array of requests. */
    public static boolean isBatch(RoutingContext ctx) {
        Buffer body = ctx.body().buffer(); // its first byte that is not JSON whitespace, without decoding it all
        for (int i = 0; body != null && i < body.length(); i++) {
            byte next = body.getByte(i);
            if (next != ' ' && next != '\n' && next != '\r' && next != '\t') {
                return next == '[';
            }
        }
        return false;
    }

    /** A batch's elements, each read by {@link #fromJson} when its turn comes. */
    public static JsonArray batch(RoutingContext ctx) {
        try (JsonReader reader = jsonProvider().createReader(new StringReader(withoutRawWhitespace(ctx.body().asString())))) {
            return reader.readArray();
        } catch (RuntimeException e) { // Parsson's JsonException, and a plain RuntimeException for input nested over 1000 deep
            throw new BadRequest("the body must be a JSON object, or an array of them (a batch)");
        }
    }

    /** One request of a JSON body or of a batch. */
    public static GraphQLRequest fromJson(JsonValue element) {
        if (!(element instanceof JsonObject json)) {
            throw new BadRequest("each operation of a batch must be a JSON object");
        }
        return of("POST /graphql needs a 'query'", string(json, "query"), string(json, "operationName"),
                object(json, "variables"), object(json, "extensions"));
    }

    /** The same request running {@code document}, the one its hash named. */
    public GraphQLRequest withQuery(String document) {
        return new GraphQLRequest(document, operationName, variables, extensions, persistedHash);
    }

    private static String withoutRawWhitespace(String body) {
        boolean rawWhitespace = body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0 || body.indexOf('\t') >= 0;
        return rawWhitespace ? RAW_WHITESPACE.matcher(body).replaceAll(" ") : body;
    }

    /** The request as SmallRye GraphQL's execution service reads a POSTed body. */
    public JsonObject toExecutionInput() {
        JsonObjectBuilder input = jsonProvider().createObjectBuilder().add("query", query);
        if (operationName != null) {
            input.add("operationName", operationName);
        }
        if (variables != null) {
            input.add("variables", variables);
        }
        if (extensions != null) {
            input.add("extensions", extensions);
        }
        return input.build();
    }

    private static GraphQLRequest of(String noQuery, String query, String operationName, JsonObject variables,
            JsonObject extensions) {
        String persistedHash = persistedHash(extensions);
        if ((query == null || query.isBlank()) && persistedHash == null) {
            throw new BadRequest(noQuery);
        }
        return new GraphQLRequest(query == null || query.isBlank() ? null : query,
                operationName == null || operationName.isEmpty() ? null : operationName, variables, extensions, persistedHash);
    }

    /** Apollo's {@code extensions.persistedQuery = {version: 1, sha256Hash}}: the hash, or null. */
    private static String persistedHash(JsonObject extensions) {
        JsonValue persisted = extensions == null ? null : extensions.get("persistedQuery");
        if (persisted == null || persisted.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (persisted instanceof JsonObject named && named.get("version") instanceof JsonNumber version && version.intValue() == 1
                && named.get("sha256Hash") instanceof JsonString hash && DOCUMENT_ID.matcher(hash.getString()).matches()) {
            return hash.getString();
        }
        throw new BadRequest("extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"<the document's SHA-256 in hex>\"}");
    }

    private static String parameter(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static JsonObject jsonObject(String what, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = jsonProvider().createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) { // Parsson's JsonException, and a plain RuntimeException for input nested over 1000 deep
            throw new BadRequest(what + " must be a JSON object");
        }
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new BadRequest("'" + name + "' must be a string");
    }

    private static JsonObject object(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new BadRequest("'" + name + "' must be a JSON object");
    }

    /** A request the gateway cannot read; answered 400 with a GraphQL-shaped error. */
    public static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
