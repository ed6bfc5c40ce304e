package partnero.gateway.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Accepts a POSTed GraphQL request only when every media type its {@code Content-Type} names is
 * {@code application/json} or {@code application/graphql}. A browser sends {@code text/plain}, form
 * and multipart bodies cross-site without a CORS preflight, so without this a hostile page could make
 * a visitor's browser run operations against the gateway; a header that mixes such a type with JSON
 * is refused too. GET stays open for queries: they have no side effects.
 * <p>
 * Runs after Quarkus' CORS filter (order -300), so a refusal carries the CORS headers an allowed
 * origin needs to read it, and before the request's body is read by the GraphQL route.
 */
@ApplicationScoped
class GraphQLContentTypes {

    static final Set<String> ACCEPTED = Set.of("application/json", "application/graphql");
    static final int ROUTE_ORDER = -10;

    void routes(@Observes Router router) {
        router.post("/graphql").order(ROUTE_ORDER).handler(this::check);
    }

    /** Whether these {@code Content-Type} header lines may carry a GraphQL request. */
    static boolean accepts(List<String> contentTypeLines) {
        if (contentTypeLines.size() == 1 && isPlainJson(contentTypeLines.get(0))) {
            return true; // what nearly every client sends, decided without parsing
        }
        Optional<List<String>> mediaTypes = ContentTypeHeader.mediaTypes(contentTypeLines);
        return mediaTypes.isPresent() && ACCEPTED.containsAll(mediaTypes.get());
    }

    private static boolean isPlainJson(String line) {
        return line.equalsIgnoreCase("application/json") || line.equalsIgnoreCase("application/json; charset=utf-8")
                || line.equalsIgnoreCase("application/json;charset=utf-8");
    }

    private void check(RoutingContext ctx) {
        if (accepts(ctx.request().headers().getAll(HttpHeaders.CONTENT_TYPE))) {
            ctx.next();
            return;
        }
        JsonObject error = new JsonObject().put("message",
                "POST /graphql needs Content-Type application/json (or application/graphql)");
        ctx.response().setStatusCode(415)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
