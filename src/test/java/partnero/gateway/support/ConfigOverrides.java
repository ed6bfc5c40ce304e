package partnero.gateway.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile that only overrides configuration, written as one constructor call:
 * {@code public static class CacheOn extends ConfigOverrides { public CacheOn() { super("partnero.cache.enabled", "true"); } }};
 * one that builds on another extends it and {@link #set}s what it adds. The profiles are in {@link Profiles}.
 */
public abstract class ConfigOverrides implements QuarkusTestProfile {

    private final Map<String, String> overrides = new LinkedHashMap<>();

    /** Property names and values, alternating. */
    protected ConfigOverrides(String... namesAndValues) {
        set(namesAndValues);
    }

    /** More property names and values, alternating, for a profile that extends another (a name given again wins). */
    protected final void set(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            overrides.put(namesAndValues[i], namesAndValues[i + 1]);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.copyOf(overrides);
    }
}
