package partnero.gateway.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import partnero.gateway.config.ApiConfig;
import partnero.gateway.support.TestConfig;

/**
 * A client's key is fingerprinted (a SHA-256) once, not on every request: the resolver remembers the
 * keys it has seen lately, each with its fingerprint, and hands the same key back for the same
 * header. Different keys stay different keys.
 */
class ApiKeyResolverTest {

    private final ApiKeyResolver resolver = new ApiKeyResolver(null, noServerKey());

    @Test
    void theSameClientKeyIsFingerprintedOnce() {
        ApiKey first = resolver.keyOf(withBearer("client-key-1")).orElseThrow();
        ApiKey again = resolver.keyOf(withBearer("client-key-1")).orElseThrow();

        assertSame(first, again, "remembered with its fingerprint");
    }

    @Test
    void differentClientKeysKeepTheirOwnFingerprints() {
        ApiKey one = resolver.keyOf(withBearer("client-key-1")).orElseThrow();
        ApiKey other = resolver.keyOf(withBearer("client-key-2")).orElseThrow();

        assertNotEquals(one.fingerprint(), other.fingerprint());
        assertEquals(ApiKey.of("client-key-2").fingerprint(), other.fingerprint());
    }

    private static HttpServerRequest withBearer(String token) {
        HttpServerRequest request = Mockito.mock(HttpServerRequest.class);
        Mockito.when(request.getHeader(HttpHeaders.AUTHORIZATION)).thenReturn("Bearer " + token);
        return request;
    }

    private static ApiConfig noServerKey() {
        return TestConfig.settings(ApiConfig.class, Map.of());
    }
}
