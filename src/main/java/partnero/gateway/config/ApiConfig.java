package partnero.gateway.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where Partnero is: its API ({@code partnero.api.*}: the URL, which the REST client reads too as
 * {@code quarkus.rest-client.partnero.url}, and the server's own key, which {@code apikey} reads), or,
 * in dev mode, the simulator built into the application ({@code partnero.dev-upstream.*}).
 * <p>
 * One interface for both, read on every request ({@code apikey.ApiKeyResolver}): Quarkus registers
 * only the settings interfaces something injects, and a setting under {@code partnero.} that no
 * registered interface maps stops the start ({@code config.SettingsRegisteredTest}).
 */
@ConfigMapping(prefix = "partnero")
public interface ApiConfig {

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
         * Whether the simulator is built into the application. Fixed at build time (read by
         * {@code devupstream.PartneroSimulator}'s {@code @IfBuildProperty}): it is true only in dev mode,
         * so the production build does not contain the simulator's routes at all.
         */
        @WithDefault("false")
        boolean enabled();
    }
}
