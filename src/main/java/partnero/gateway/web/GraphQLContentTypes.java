package partnero.gateway.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

/**
 * Accepts a POSTed GraphQL request only when every media type its {@code Content-Type} names is
 * {@code application/json} or {@code application/graphql}. A browser sends {@code text/plain}, form
 * and multipart bodies cross-site without a CORS preflight, so without this a hostile page could make
 * a visitor's browser run operations against the gateway; a header that mixes such a type with JSON
 * is refused too. GET stays open for queries: they have no side effects.
 * <p>
 * The first handler of the GraphQL route's POST ({@code engine.GraphQLEndpoint}), so it guards the
 * path that route serves, before the body is read, and after Quarkus' CORS filter, so a refusal carries
 * the CORS headers an allowed origin needs to read it.
 */
public final class GraphQLContentTypes implements SecurityPolicyHandler {

    /** A security-policy handler for Vert.x Web: it may stand before the route's body handler. */
    public static final GraphQLContentTypes CHECK = new GraphQLContentTypes();

    static final Set<String> ACCEPTED = Set.of("application/json", "application/graphql");

    private GraphQLContentTypes() {
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

    /** Passes an accepted POST on, answers any other 415. */
    @Override
    public void handle(RoutingContext ctx) {
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
