package partnero.gateway.partnero;

import java.lang.reflect.Method;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.CacheKeyGenerator;
import io.quarkus.cache.CompositeCacheKey;
import partnero.gateway.apikey.ApiKey;

/**
 * Cache keys for {@link PartneroCustomers}: the key's fingerprint (never the key) plus every other
 * argument, nulls included. Clients with different keys never share an entry.
 */
@ApplicationScoped
class CustomerCacheKeys implements CacheKeyGenerator {

    @Override
    public Object generate(Method method, Object... parameters) {
        Object[] key = Arrays.copyOf(parameters, parameters.length);
        key[0] = ((ApiKey) parameters[0]).fingerprint();
        return new CompositeCacheKey(key);
    }
}
