package partnero.gateway.partnero;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JacksonException;

import io.netty.channel.ConnectTimeoutException;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * Translates whatever the REST client failed with into the gateway's error vocabulary. The
 * original failure is logged here, server-side; the client only ever sees the short message and code.
 */
final class UpstreamFailures {

    private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);

    private UpstreamFailures() {
    }

    /** Worth another attempt: the connection failed, or Partnero's front answered 502, 503 or 504. */
    static boolean isTransient(Throwable failure) {
        return failure instanceof GatewayException e && e.code() == ErrorCode.UPSTREAM_UNAVAILABLE
                && (e.upstreamStatus().isEmpty() || e.upstreamStatus().getAsInt() >= 502 && e.upstreamStatus().getAsInt() <= 504);
    }

    /** Says Partnero itself is unwell, so counts against the circuit breaker; a client's 4xx does not. */
    static boolean isOutage(Throwable failure) {
        return failure instanceof GatewayException e
                && (e.code() == ErrorCode.UPSTREAM_UNAVAILABLE || e.code() == ErrorCode.UPSTREAM_TIMEOUT);
    }

    /** What the circuit breaker answers while open. */
    static GatewayException circuitOpen() {
        return GatewayException.upstream(ErrorCode.UPSTREAM_UNAVAILABLE,
                "Partnero is failing; the gateway pauses calls to it for a few seconds", null, null);
    }

    /** The whole call, retries included, ran past its deadline. */
    static GatewayException deadlineExceeded() {
        return GatewayException.upstream(ErrorCode.UPSTREAM_TIMEOUT, "Partnero did not answer in time", null, null);
    }

    static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse().getStatus() == 404;
    }

    static GatewayException toGatewayException(Throwable failure, String endpoint) {
        if (failure instanceof GatewayException known) {
            return known;
        }
        GatewayException mapped = classify(failure, endpoint);
        if (mapped.upstreamStatus().isPresent()) {
            LOG.warnf("Partnero %s failed: HTTP %d -> %s", endpoint, mapped.upstreamStatus().getAsInt(), mapped.code());
        } else {
            LOG.warnf("Partnero %s failed: %s -> %s", endpoint, chain(failure), mapped.code());
        }
        return mapped;
    }

    private static GatewayException classify(Throwable failure, String endpoint) {
        if (failure instanceof WebApplicationException e) {
            return fromStatus(e.getResponse(), failure);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Vert.x reports its connect and idle timeouts as TimeoutException subclasses
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException || t instanceof ConnectTimeoutException) {
                return GatewayException.upstream(ErrorCode.UPSTREAM_TIMEOUT,
                        "Partnero did not answer in time", null, failure);
            }
            if (t instanceof JacksonException) {
                return GatewayException.upstream(ErrorCode.UPSTREAM_BAD_RESPONSE,
                        "Partnero's answer to " + endpoint + " could not be read", 200, failure);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof IOException
                    || t instanceof io.vertx.core.VertxException) {
                return GatewayException.upstream(ErrorCode.UPSTREAM_UNAVAILABLE,
                        "Partnero could not be reached", null, failure);
            }
        }
        if (failure instanceof ProcessingException) {
            // no I/O cause: the response arrived but could not be turned into the expected type
            return GatewayException.upstream(ErrorCode.UPSTREAM_BAD_RESPONSE,
                    "Partnero's answer to " + endpoint + " could not be read", 200, failure);
        }
        // class names only: a failure's message may quote the request URL, and with it an email
        LOG.errorf("Unexpected failure of a Partnero call: %s", chain(failure));
        return GatewayException.upstream(ErrorCode.UPSTREAM_UNAVAILABLE, "Partnero could not be reached", null, failure);
    }

    private static GatewayException fromStatus(Response response, Throwable cause) {
        int status = response.getStatus();
        return switch (status) {
            case 401 -> GatewayException.upstream(ErrorCode.UNAUTHENTICATED,
                    "Partnero rejected the API key", status, cause);
            case 403 -> GatewayException.upstream(ErrorCode.FORBIDDEN,
                    "Partnero does not allow this action for this API key", status, cause);
            case 429 -> GatewayException.rateLimited(RetryAfter.seconds(response.getHeaderString("Retry-After"), Clock.systemUTC()));
            case 408 -> GatewayException.upstream(ErrorCode.UPSTREAM_TIMEOUT,
                    "Partnero did not answer in time", status, cause);
            case 400, 422 -> GatewayException.upstream(ErrorCode.BAD_USER_INPUT,
                    "Partnero rejected the arguments (HTTP " + status + ")", status, cause);
            default -> GatewayException.upstream(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "Partnero failed to answer (HTTP " + status + ")", status, cause);
        };
    }

    /** The failure's class and its causes', outermost first: what went wrong without any message text. */
    private static String chain(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" < ").append(cause.getClass().getSimpleName());
        }
        return chain.toString();
    }
}
