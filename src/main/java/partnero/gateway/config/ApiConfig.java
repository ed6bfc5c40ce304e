package partnero.gateway.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The upstream Partnero API ({@code partnero.api.*}): its URL, which the REST client reads too
 * ({@code quarkus.rest-client.partnero.url}), and the server's own key, which {@code apikey} reads.
 */
@ConfigMapping(prefix = "partnero.api")
public interface ApiConfig {

    /** Base URL of the upstream, including {@code /v1}; the REST client reads it too. */
    @WithDefault("https://api.partnero.com/v1")
    URI url();

    /** The key used when a client sends none of its own; absent means clients must send one. */
    Optional<String> key();
}
