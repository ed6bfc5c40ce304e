package partnero.gateway.engine;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * One GraphQL-over-HTTP request as the gateway read it: from a GET's URL (parameters decoded once,
 * by Vert.x) or a POST's JSON (or {@code application/graphql}) body. Unreadable requests are
 * {@link BadRequest}s, answered 400 before anything runs.
 */
record GraphQLRequest(String query, String operationName, JsonObject variables, JsonObject extensions) {

    /** Raw line breaks and tabs in a POSTed body become spaces, as Quarkus' own reading does (Java text blocks). */
    private static final Pattern RAW_WHITESPACE = Pattern.compile("[\\n\\r\\t]");

    static GraphQLRequest fromUrl(RoutingContext ctx) {
        return of("GET /graphql needs a 'query' parameter", parameter(ctx, "query"), parameter(ctx, "operationName"),
                jsonObject("the 'variables' parameter", parameter(ctx, "variables")),
                jsonObject("the 'extensions' parameter", parameter(ctx, "extensions")));
    }

    static GraphQLRequest fromBody(RoutingContext ctx) {
        String body = ctx.body().asString();
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("application/graphql")) {
            return of("POST /graphql as application/graphql needs the document as its body", body, null, null, null);
        }
        if (body == null || body.isBlank()) {
            throw new BadRequest("POST /graphql needs a JSON body with a 'query'");
        }
        boolean rawWhitespace = body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0 || body.indexOf('\t') >= 0;
        JsonObject json = jsonObject("the body", rawWhitespace ? RAW_WHITESPACE.matcher(body).replaceAll(" ") : body);
        return of("POST /graphql needs a 'query'", string(json, "query"), string(json, "operationName"),
                object(json, "variables"), object(json, "extensions"));
    }

    /** The request as SmallRye GraphQL's execution service reads a POSTed body. */
    JsonObject toExecutionInput() {
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
        if (query == null || query.isBlank()) {
            throw new BadRequest(noQuery);
        }
        return new GraphQLRequest(query, operationName == null || operationName.isEmpty() ? null : operationName,
                variables, extensions);
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
        } catch (JsonException | IllegalStateException e) {
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
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
