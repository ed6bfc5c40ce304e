package partnero.gateway.request;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The gateway switches MicroProfile Context Propagation off for Mutiny ({@code mp.context.ThreadContext.*}
 * in application.properties): the request's state travels by hand in {@link GatewayRequest}. What that
 * relies on: Mutiny decorates every callback through SmallRye Context Propagation's default thread
 * context, which those two settings leave empty, and an empty one hands each callback back as it is.
 * If an upgrade of Quarkus, Mutiny or SmallRye Context Propagation wraps callbacks again (and makes every
 * nested field pay for it), this fails; the behaviour that needs no propagation (the CDI request context
 * in batches, traces continued to Partnero, nested fields) is held by the suites that test it.
 */
@QuarkusTest
class ContextPropagationTest {

    @Test
    void mutinyHandsEveryCallbackBackUnwrapped() {
        Function<Object, Object> function = item -> item;
        Consumer<Object> consumer = item -> {
        };
        Supplier<Object> supplier = Object::new;
        Runnable runnable = () -> {
        };
        BiFunction<Object, Object, Object> biFunction = (item, failure) -> item;

        assertSame(function, Infrastructure.decorate(function));
        assertSame(consumer, Infrastructure.decorate(consumer));
        assertSame(supplier, Infrastructure.decorate(supplier));
        assertSame(runnable, Infrastructure.decorate(runnable));
        assertSame(biFunction, Infrastructure.decorate(biFunction));
    }
}
