package partnero.gateway.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Caching headers on the answers to GET requests ({@code partnero.http-cache.*}). */
@ConfigMapping(prefix = "partnero.http-cache")
public interface HttpCacheConfig {

    /** Whether complete answers to GET get {@code Cache-Control} with a {@code max-age}, an {@code ETag}, and 304 on a matching {@code If-None-Match}. */
    @WithDefault("true")
    boolean enabled();

    /** {@code private} (browsers only: the answer depends on the API key) or {@code public} (shared caches and CDNs too). */
    @WithDefault("private")
    HttpCacheScope scope();

    /** The values of {@code partnero.http-cache.scope}. */
    enum HttpCacheScope {
        PRIVATE,
        PUBLIC
    }
}
