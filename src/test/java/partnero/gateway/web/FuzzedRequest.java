package partnero.gateway.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One request the fuzzer sends to {@code /graphql}: its method, the query string of a GET (already
 * percent-encoded), its headers and the bytes of a POST's body, with {@code how} saying how it was made
 * (which document, which mutation), so that a failing case reads as a reproduction.
 */
record FuzzedRequest(String method, String queryString, List<Map.Entry<String, String>> headers, byte[] body, String how) {

    /** The request for {@code java.net.http}, answered within {@code timeout} or failed. */
    HttpRequest toHttpRequest(URI graphql, Duration timeout) {
        URI target = queryString == null ? graphql : URI.create(graphql + "?" + queryString);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout);
        headers.forEach(header -> request.header(header.getKey(), header.getValue()));
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** What was sent, readable in a failure report: long bodies cut in the middle. */
    String describe() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (text.length() > 600) {
            text = text.substring(0, 400) + " …(" + body.length + " bytes)… " + text.substring(text.length() - 150);
        }
        String query = queryString == null ? "" : queryString.length() > 600 ? "?" + queryString.substring(0, 600) + "…" : "?" + queryString;
        return how + "\n  " + method + " /graphql" + query + "\n  headers " + headers + "\n  body " + text;
    }
}
