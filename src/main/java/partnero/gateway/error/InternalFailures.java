package partnero.gateway.error;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What becomes of a failure that is none of the gateway's error codes: a bug, or a framework's
 * exception nobody translated. It must not reach a client as SmallRye's "System error" with a code
 * made of a Java class name, nor go unseen: each one is logged at ERROR (the exception classes and
 * where the innermost one was thrown, never a message, which may quote a URL with an email or a
 * key), counted in {@code partnero_internal_failures_total{where}}, and answered as
 * {@code UPSTREAM_UNAVAILABLE}: the request did not get its data, through no fault of its own. Being
 * one of Partnero's failures for the data cache, stale data may stand in for it.
 */
@ApplicationScoped
public class InternalFailures {

    private static final Logger LOG = Logger.getLogger(InternalFailures.class);
    public static final String MESSAGE = "The gateway failed to get this data; the failure is logged on the gateway";

    private final MeterRegistry metrics;

    public InternalFailures(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Whether {@code failure} is one of the gateway's error codes already. */
    public static boolean isKnown(Throwable failure) {
        return failure instanceof GatewayException;
    }

    /**
     * {@code failure} itself when it is a {@link GatewayException}; otherwise logged, counted under
     * {@code where} (a fixed word naming the part of the gateway, never request data) and turned
     * into {@code UPSTREAM_UNAVAILABLE}.
     */
    public GatewayException toGatewayException(Throwable failure, String where) {
        if (failure instanceof GatewayException known) {
            return known;
        }
        Counter.builder("partnero_internal_failures").tag("where", where)
                .description("Failures inside the gateway that are none of its error codes (bugs): logged at ERROR, answered as"
                        + " UPSTREAM_UNAVAILABLE or with stale data")
                .register(metrics).increment();
        LOG.errorf("Internal failure in %s, answered as UPSTREAM_UNAVAILABLE (or stale data where allowed): %s", where,
                describe(failure));
        return GatewayException.upstream(ErrorCode.UPSTREAM_UNAVAILABLE, MESSAGE, null, failure);
    }

    /** The failure's classes, outermost first, and where the innermost was thrown: what went wrong, without any message text. */
    static String describe(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getName());
        Throwable innermost = failure;
        for (Throwable cause = failure.getCause(); cause != null && cause != innermost; cause = cause.getCause()) {
            chain.append(" < ").append(cause.getClass().getName());
            innermost = cause;
        }
        StackTraceElement[] frames = innermost.getStackTrace();
        if (frames.length > 0) {
            chain.append(" at ").append(frames[0]);
        }
        return chain.toString();
    }
}
