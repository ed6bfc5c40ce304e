package partnero.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** Calls made at the same moment, each from a thread of its own, as a burst of clients makes them. */
public final class AtOnce {

    private AtOnce() {
    }

    /** {@code times} runs of {@code call} at once; their results, in the order they were started. */
    public static <T> List<T> calls(int times, Supplier<T> call) {
        ExecutorService clients = Executors.newFixedThreadPool(times);
        try {
            List<CompletableFuture<T>> started = IntStream.range(0, times)
                    .mapToObj(i -> CompletableFuture.supplyAsync(call, clients))
                    .toList();
            return started.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }
    }

    /** {@code times} POSTs of {@code query} at once with {@code Authorization: Bearer <clientKey>}, each answered 200; their bodies. */
    public static List<String> posts(int times, String clientKey, String query) {
        return calls(times, () -> given().header("Authorization", "Bearer " + clientKey)
                .contentType("application/json").body(Map.of("query", query))
                .post("/graphql").then().statusCode(200).extract().asString());
    }
}
