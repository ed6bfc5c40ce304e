package partnero.gateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import partnero.gateway.codec.Sha256;

/**
 * HTTP caching of GraphQL answers, so that browsers (and, with {@code public}, CDNs) can keep a GET's
 * answer and revalidate it:
 * <ul>
 * <li>a complete answer to a GET gets {@code Cache-Control: private, max-age=N} (or {@code public},
 * {@code partnero.http-cache.scope}), N no longer than the remaining life of the Partnero data it
 * was built from; an {@code ETag} (a hash of the body and its media type); and
 * {@code Vary: Authorization, Accept}, what else the answer depends on;</li>
 * <li>a GET whose {@code If-None-Match} holds that ETag gets {@code 304 Not Modified}, no body;</li>
 * <li>everything else (POST, errors, partial answers, introspection) gets {@code Cache-Control: no-store}.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpCaching {

    private static final String VARY = "Authorization, Accept";

    private final boolean enabled;
    private final String scope;

    HttpCaching(HttpCacheConfig config) {
        this.enabled = config.enabled();
        this.scope = config.scope().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Puts the caching headers of a complete answer to a GET on {@code response}.
     *
     * @param expiresAtMillis when the oldest data the answer was built from expires (epoch ms)
     * @return whether the client already holds this answer ({@code If-None-Match}): answer 304, no body
     */
    public boolean complete(HttpServerRequest request, HttpServerResponse response, byte[] body, String mediaType,
            long expiresAtMillis) {
        if (!enabled) {
            noStore(response);
            return false;
        }
        long maxAge = Math.max(0, (expiresAtMillis - System.currentTimeMillis()) / 1000);
        String etag = etag(body, mediaType);
        response.putHeader(HttpHeaders.CACHE_CONTROL, scope + ", max-age=" + maxAge)
                .putHeader(HttpHeaders.ETAG, etag);
        response.headers().add(HttpHeaders.VARY, VARY);
        return matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag);
    }

    /** An answer no cache may keep. */
    public static void noStore(HttpServerResponse response) {
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** A strong validator: the first 128 bits of the SHA-256 of the media type and the body. */
    static String etag(byte[] body, String mediaType) {
        MessageDigest digest = Sha256.digest();
        digest.update(mediaType.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        byte[] hash = digest.digest(body);
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)) + '"';
    }

    /** {@code If-None-Match}: a list of entity tags (weak ones compared weakly, as RFC 9110 asks for GET) or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
