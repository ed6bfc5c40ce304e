package partnero.gateway.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every setting of the gateway's own, under the prefix {@code partnero}. Each one can also be given
 * as an environment variable ({@code partnero.api.key} is {@code PARTNERO_API_KEY}).
 * The REST client's timeouts and the GraphQL engine's limits are standard Quarkus properties, set
 * in {@code application.properties} and listed in the README.
 */
@ConfigMapping(prefix = "partnero")
public interface GatewayConfig {

    /** The upstream Partnero API. */
    Api api();

    /** The embedded Partnero simulator that dev mode talks to. */
    DevUpstream devUpstream();

    interface Api {
        /** Base URL of the upstream, including {@code /v1}; the REST client reads it too. */
        @WithDefault("https://api.partnero.com/v1")
        URI url();

        /** The key used when a client sends none of its own; absent means clients must send one. */
        Optional<String> key();
    }

    interface DevUpstream {
        /**
         * Whether the simulator is built into the application. Fixed at build time: it is true only in
         * dev mode, so the production build does not contain the simulator's routes at all.
         */
        @WithDefault("false")
        boolean enabled();
    }
}
