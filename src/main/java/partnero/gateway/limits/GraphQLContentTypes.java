package partnero.gateway.limits;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Accepts a POSTed GraphQL request only as {@code application/json} or {@code application/graphql}.
 * A browser sends {@code text/plain}, form or multipart bodies cross-site without a CORS preflight,
 * so without this a hostile page could make a visitor's browser run operations against the gateway.
 * GET stays open for queries: they have no side effects.
 */
@ApplicationScoped
class GraphQLContentTypes {

    static final List<String> ACCEPTED = List.of("application/json", "application/graphql");

    void routes(@Observes Router router) {
        router.post("/graphql").order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (ACCEPTED.contains(mediaType)) {
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
