package partnero.gateway.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.vertx.ext.web.MIMEHeader;

/**
 * The answer's media type from the request's {@code Accept}: the first served type in the
 * client's order; {@code application/json} for a client that names none ({@code *}{@code /*} or
 * no {@code Accept}), as the GraphQL-over-HTTP specification asks while clients move to
 * {@code application/graphql-response+json}.
 */
public final class ResponseMediaType {

    public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    public static final String JSON = "application/json";
    private static final List<String> SERVED = List.of(GRAPHQL_RESPONSE, JSON,
            "application/graphql+json"); // the last is a draft name Quarkus still serves

    private ResponseMediaType() {
    }

    /** The first acceptable type in the client's order of preference; empty (406) when none is. */
    public static Optional<String> negotiate(List<MIMEHeader> accept) {
        if (accept == null || accept.isEmpty()) {
            return Optional.of(withCharset(JSON));
        }
        for (MIMEHeader range : accept) {
            String type = range.value().strip().toLowerCase(Locale.ROOT); // without its parameters
            if (SERVED.contains(type)) {
                return Optional.of(withCharset(type));
            }
            if (type.equals("*/*") || type.equals("application/*")) {
                return Optional.of(withCharset(JSON));
            }
        }
        return Optional.empty();
    }

    private static String withCharset(String type) {
        return type + "; charset=UTF-8";
    }
}
