package partnero.gateway.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import partnero.gateway.documents.PersistedDocuments.Refused;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.web.ResponseMediaType;

/** One operation's answer, before it is written alone or as part of a batch. */
record Answer(byte[] body, Kind kind, long expiresAtMillis) {

    enum Kind {
        /** Ran, complete, may be cached until {@code expiresAtMillis}. */
        COMPLETE,
        /** Ran, with errors, or not to be cached (introspection). */
        RAN,
        /** Nothing ran: the document could not be parsed, validated, found or allowed; no {@code data}. */
        REQUEST_ERROR,
        /** The request contradicts itself or cannot be read: 400 whatever the media type. */
        BAD_REQUEST
    }

    static Answer error(ErrorCode code, String message, Kind kind) {
        JsonObject error = new JsonObject().put("message", message);
        if (code != null) {
            error.put("extensions", new JsonObject().put("code", code.name()));
        }
        return new Answer(new JsonObject().put("errors", new JsonArray().add(error)).toBuffer().getBytes(), kind, 0);
    }

    static Answer refused(Refused refused) {
        return error(refused.code(), refused.message(), refused.badRequest() ? Kind.BAD_REQUEST : Kind.REQUEST_ERROR);
    }

    /** What GraphQL over HTTP says: a request error is a 400 for the GraphQL response media type, a 200 for plain JSON. */
    int status(String mediaType) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case REQUEST_ERROR -> mediaType.startsWith(ResponseMediaType.GRAPHQL_RESPONSE) ? 400 : 200;
            default -> 200;
        };
    }
}
