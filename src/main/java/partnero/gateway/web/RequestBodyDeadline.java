package partnero.gateway.web;

import java.time.Duration;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * Cuts a POST whose body has not arrived in full within {@code partnero.limits.body-timeout}: HTTP 408,
 * then the connection is closed. Neither Vert.x 4.5 nor Quarkus 3.33 bounds the time a body takes
 * ({@code quarkus.http.idle-timeout} restarts with every byte, {@code quarkus.http.read-timeout} applies
 * to blocking reads, which the gateway does not do), so a client sending a byte a second could hold a
 * connection and its buffer for the days a 1 MiB body takes. {@link #arm} goes first on the route
 * (before the body is read), {@link #DISARM} right after the body handler (docs/operating.md, "Slow and idle clients").
 */
public final class RequestBodyDeadline {

    /** Cancels the deadline once the body has been read. */
    public static final Handler<RoutingContext> DISARM = ctx -> {
        Long timer = ctx.get(RequestBodyDeadline.class.getName());
        if (timer != null) {
            ctx.vertx().cancelTimer(timer);
        }
        ctx.next();
    };

    /**
     * The route's failure handler: a POST whose connection closed while its body was read (the client went
     * away, or {@link #arm its deadline} cut it) has nobody to answer, and is no failure of the gateway's
     * to log at ERROR with a stack trace, once per slow client; any other failure goes on to Quarkus'.
     */
    public static final Handler<RoutingContext> CLOSED_QUIETLY = ctx -> {
        if (ctx.failure() instanceof HttpClosedException) {
            if (!ctx.response().ended() && !ctx.response().closed()) {
                ctx.response().end();
            }
            return;
        }
        ctx.next();
    };

    private RequestBodyDeadline() {
    }

    /** Starts the body's deadline of {@code timeout}: a platform handler, as Vert.x Web's own TimeoutHandler, first on the route. */
    public static PlatformHandler arm(Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        return ctx -> {
            long timer = ctx.vertx().setTimer(millis, fired -> cut(ctx, timeout));
            ctx.put(RequestBodyDeadline.class.getName(), timer);
            ctx.addEndHandler(ended -> ctx.vertx().cancelTimer(timer));
            ctx.next();
        };
    }

    private static void cut(RoutingContext ctx, Duration timeout) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        JsonObject error = new JsonObject().put("message", "The request body did not arrive within " + timeout.toSeconds() + " s");
        ctx.response().setStatusCode(408)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode())
                .onComplete(written -> ctx.request().connection().close());
    }
}
