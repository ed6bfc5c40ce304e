package partnero.gateway.engine;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /graphql}: reads {@code query}, {@code operationName}, {@code variables} and
 * {@code extensions} from the URL the way the GraphQL-over-HTTP specification says, and runs them
 * through SmallRye GraphQL's execution service exactly as Quarkus does for a POST.
 * <p>
 * It stands in front of Quarkus' own GET parsing (SmallRyeGraphQLExecutionHandler in Quarkus 3.33),
 * which takes the operation name from the {@code query} parameter, so that every GET from Apollo
 * Client or urql (they always send {@code operationName}) failed with "Unknown operation named", and
 * URL-decodes the already decoded parameters a second time, so that a {@code +} in a query became a
 * space and a {@code %} failed the request with HTTP 500.
 * <p>
 * Request scope, security identity and the engine's per-request metadata come from Quarkus' own
 * {@link SmallRyeGraphQLAbstractHandler}, which this handler extends; only the reading of the URL
 * and the writing of the answer are the gateway's. With {@code quarkus.smallrye-graphql.http.get.enabled=false}
 * no route is added and Quarkus answers 405 as before.
 */
@ApplicationScoped
class GetRequests {

    /** After Quarkus' filters (CORS is at -300), before its own {@code /graphql} route. */
    static final int ROUTE_ORDER = -1;

    void routes(@Observes Router router, CurrentVertxRequest currentRequest, Instance<CurrentIdentityAssociation> identities) {
        Config config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("quarkus.smallrye-graphql.http.get.enabled", Boolean.class).orElse(false)) {
            return;
        }
        String rootPath = config.getOptionalValue("quarkus.smallrye-graphql.root-path", String.class).orElse("graphql");
        router.get("/" + rootPath.replaceFirst("^/+", "")).order(ROUTE_ORDER)
                .handler(new Handler(identities.isResolvable() ? identities.get() : null, currentRequest));
    }

    static final class Handler extends SmallRyeGraphQLAbstractHandler {

        Handler(CurrentIdentityAssociation identity, CurrentVertxRequest currentRequest) {
            super(identity, currentRequest, false);
        }

        @Override
        protected void doHandle(RoutingContext ctx) {
            Optional<String> responseType = ResponseMediaType.negotiate(ctx.parsedHeaders().accept());
            if (responseType.isEmpty()) {
                ctx.response().setStatusCode(406).end();
                return;
            }
            JsonObject request;
            try {
                request = request(ctx);
            } catch (BadRequest e) {
                badRequest(ctx, e.getMessage());
                return;
            }
            getExecutionService().executeAsync(request, getMetaData(ctx), new Writer(ctx, responseType.get()));
        }

        /** The request as the execution service reads a POSTed body; the parameters are decoded once, by Vert.x. */
        private static JsonObject request(RoutingContext ctx) {
            String query = parameter(ctx, "query");
            if (query == null || query.isBlank()) {
                throw new BadRequest("GET /graphql needs a 'query' parameter");
            }
            JsonObjectBuilder request = jsonProvider().createObjectBuilder().add("query", query);
            String operationName = parameter(ctx, "operationName");
            if (operationName != null && !operationName.isEmpty()) {
                request.add("operationName", operationName);
            }
            for (String name : List.of("variables", "extensions")) {
                String value = parameter(ctx, name);
                if (value != null && !value.isBlank()) {
                    request.add(name, jsonObject(name, value));
                }
            }
            return request.build();
        }

        private static String parameter(RoutingContext ctx, String name) {
            List<String> values = ctx.queryParam(name);
            return values.isEmpty() ? null : values.get(0);
        }

        private static JsonObject jsonObject(String name, String value) {
            try (JsonReader reader = jsonProvider().createReader(new StringReader(value))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw new BadRequest("the '" + name + "' parameter must be a JSON object");
            }
        }

        private static void badRequest(RoutingContext ctx, String message) {
            io.vertx.core.json.JsonObject error = new io.vertx.core.json.JsonObject().put("message", message);
            ctx.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                    .end(new io.vertx.core.json.JsonObject().put("errors", new JsonArray().add(error)).encode());
        }
    }

    /** A request the gateway cannot read; answered 400 with a GraphQL-shaped error. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** Writes the engine's answer as UTF-8 in the negotiated media type. */
    private record Writer(RoutingContext ctx, String mediaType) implements ExecutionResponseWriter {

        @Override
        public void write(ExecutionResponse response) {
            if (ctx.response().ended()) {
                return; // the client went away, or the request was already answered
            }
            ctx.response().setStatusCode(200)
                    .putHeader(HttpHeaders.CONTENT_TYPE, mediaType)
                    .end(Buffer.buffer(response.getExecutionResultAsString(), StandardCharsets.UTF_8.name()));
        }

        @Override
        public void fail(Throwable failure) {
            ctx.fail(failure);
        }
    }

    /** The answer's media type from the request's {@code Accept}, as Quarkus chooses it for a POST. */
    static final class ResponseMediaType {

        static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
        private static final List<String> SERVED = List.of(GRAPHQL_RESPONSE, "application/json",
                "application/graphql+json"); // the last is a draft name Quarkus still serves

        private ResponseMediaType() {
        }

        /** The first acceptable type in the client's order of preference; empty (406) when none is. */
        static Optional<String> negotiate(List<MIMEHeader> accept) {
            if (accept == null || accept.isEmpty()) {
                return Optional.of(withCharset(GRAPHQL_RESPONSE));
            }
            for (MIMEHeader range : accept) {
                String type = range.value().strip().toLowerCase(Locale.ROOT); // without its parameters
                if (SERVED.contains(type)) {
                    return Optional.of(withCharset(type));
                }
                if (type.equals("*/*") || type.equals("application/*")) {
                    return Optional.of(withCharset(GRAPHQL_RESPONSE));
                }
            }
            return Optional.empty();
        }

        private static String withCharset(String type) {
            return type + "; charset=UTF-8";
        }
    }
}
