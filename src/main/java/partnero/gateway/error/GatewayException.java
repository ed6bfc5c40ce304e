package partnero.gateway.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import jakarta.json.Json;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * The one exception a resolver fails with. Implementing {@link GraphQLError} lets the GraphQL engine
 * copy {@link #getExtensions()} into the error it sends, which is how {@code extensions.code},
 * {@code upstreamStatus} and {@code retryAfterSeconds} reach the client.
 * <p>
 * The message is shown to clients as it is: it must never carry a key, an upstream URL or a
 * class name. Stack traces are not filled in; the cause, if any, stays server-side.
 */
public final class GatewayException extends RuntimeException implements GraphQLError {

    private final ErrorCode code;
    private final Integer upstreamStatus;
    private final Integer retryAfterSeconds;

    private GatewayException(ErrorCode code, String message, Integer upstreamStatus, Integer retryAfterSeconds,
            Throwable cause) {
        super(message, cause, false, false);
        this.code = Objects.requireNonNull(code);
        this.upstreamStatus = upstreamStatus;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static GatewayException of(ErrorCode code, String message) {
        return new GatewayException(code, message, null, null, null);
    }

    /** A failure of the upstream call; {@code upstreamStatus} is null when no response arrived. */
    public static GatewayException upstream(ErrorCode code, String message, Integer upstreamStatus, Throwable cause) {
        return new GatewayException(code, message, upstreamStatus, null, cause);
    }

    /**
     * The gateway's own per-key limit toward Partnero ({@code partnero.rate-limit.requests-per-second})
     * refused a call before it was made: no {@code upstreamStatus}, since Partnero was not asked.
     */
    public static GatewayException rateLimitedByGateway(int retryAfterSeconds) {
        return new GatewayException(ErrorCode.RATE_LIMITED, "This gateway's limit of calls to Partnero for this API key is reached;"
                + " retry after " + retryAfterSeconds + " s", null, retryAfterSeconds, null);
    }

    /**
     * A call not made because Partnero answered an earlier one for this API key with a 429 whose
     * {@code Retry-After} has not passed: no {@code upstreamStatus}, since Partnero was not asked.
     */
    public static GatewayException heldBackAsPartneroAsked(int retryAfterSeconds) {
        return new GatewayException(ErrorCode.RATE_LIMITED, "Partnero asked not to be called with this API key for "
                + retryAfterSeconds + " s more; retry after " + retryAfterSeconds + " s", null, retryAfterSeconds, null);
    }

    /** A 429 from Partnero, with its {@code Retry-After} in seconds when it sent one. */
    public static GatewayException rateLimited(OptionalInt retryAfterSeconds) {
        String message = retryAfterSeconds.isPresent()
                ? "Partnero is rate-limiting this API key; retry after " + retryAfterSeconds.getAsInt() + " s"
                : "Partnero is rate-limiting this API key; retry later";
        return new GatewayException(ErrorCode.RATE_LIMITED, message, 429,
                retryAfterSeconds.isPresent() ? retryAfterSeconds.getAsInt() : null, null);
    }

    public ErrorCode code() {
        return code;
    }

    public OptionalInt upstreamStatus() {
        return upstreamStatus == null ? OptionalInt.empty() : OptionalInt.of(upstreamStatus);
    }

    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds);
    }

    @Override
    public Map<String, Object> getExtensions() {
        // JSON values, so that numbers stay numbers in the response
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", Json.createValue(code.name()));
        if (upstreamStatus != null) {
            extensions.put("upstreamStatus", Json.createValue(upstreamStatus));
        }
        if (retryAfterSeconds != null) {
            extensions.put("retryAfterSeconds", Json.createValue(retryAfterSeconds));
        }
        return extensions;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.DataFetchingException;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
