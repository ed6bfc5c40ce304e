package partnero.gateway.devupstream;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import partnero.gateway.partnero.WireCustomer;

/**
 * A Partnero-compatible stand-in for {@code GET /v1/customers} and {@code GET /v1/customers:search},
 * served by the gateway itself under {@code /dev-upstream/v1} so that {@code ./mvnw quarkus:dev}
 * shows data with no key and no network, through the real REST client. Like Partnero it requires a
 * bearer token (any), pages simply ({@code links.next}, no total), filters by {@code partner.key}
 * and {@code partner.email}, and routes the search only with a literal colon.
 * <p>
 * The bean exists only when {@code partnero.dev-upstream.enabled} is true at build time, which only
 * the dev profile sets: the production build has no such route.
 */
@ApplicationScoped
@IfBuildProperty(name = "partnero.dev-upstream.enabled", stringValue = "true")
public class PartneroSimulator {

    static final String BASE_PATH = "/dev-upstream/v1";

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Page(List<WireCustomer> data, Links links, Meta meta, int status) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Links(String first, String last, String prev, String next) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Meta(@JsonProperty("current_page") int currentPage, Integer from, String path,
            @JsonProperty("per_page") int perPage, Integer to) {
    }

    record One(WireCustomer data, int status) {
    }

    record Failure(String message, int status) {
    }

    private final SimulatedCustomers customers;
    private final ObjectMapper json;

    PartneroSimulator(ObjectMapper json) {
        this.json = json;
        this.customers = new SimulatedCustomers(320, 20250502L, json);
    }

    void routes(@Observes Router router) {
        router.route(HttpMethod.GET, BASE_PATH + "/*").handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String auth = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
            send(ctx, 401, new Failure("Unauthenticated.", 0));
            return;
        }
        // the raw path: like Partnero, "customers%3Asearch" is not the search endpoint
        String path = ctx.request().path();
        if (path.equals(BASE_PATH + "/customers")) {
            list(ctx);
        } else if (path.equals(BASE_PATH + "/customers:search")) {
            search(ctx);
        } else {
            send(ctx, 404, new Failure("Not found.", 0));
        }
    }

    private void list(RoutingContext ctx) {
        Optional<Integer> page = intParam(ctx, "page", 1, Integer.MAX_VALUE, 1);
        Optional<Integer> limit = intParam(ctx, "limit", 1, 250, 15);
        if (page.isEmpty() || limit.isEmpty()) {
            send(ctx, 422, new Failure("The page must be 1 or more and the limit between 1 and 250.", 0));
            return;
        }
        Predicate<WireCustomer> filter = customer -> true;
        String partnerKey = ctx.request().getParam("partner.key");
        if (partnerKey != null) {
            filter = filter.and(customer -> partnerKey.equals(customer.partner()));
        }
        String partnerEmail = ctx.request().getParam("partner.email");
        if (partnerEmail != null) {
            String key = SimulatedCustomers.partnerByEmail(partnerEmail).map(SimulatedCustomers.Partner::key).orElse(null);
            filter = filter.and(customer -> key != null && key.equals(customer.partner()));
        }
        List<WireCustomer> all = customers.matching(filter);
        int size = limit.get();
        long offset = (long) (page.get() - 1) * size;
        List<WireCustomer> items = offset >= all.size() ? List.of()
                : all.subList((int) offset, (int) Math.min(all.size(), offset + size));
        String self = ctx.request().scheme() + "://" + ctx.request().authority() + BASE_PATH + "/customers";
        boolean hasNext = offset + size < all.size();
        Links links = new Links(self + "?page=1", null,
                page.get() > 1 ? self + "?page=" + (page.get() - 1) : null,
                hasNext ? self + "?page=" + (page.get() + 1) : null);
        Meta meta = new Meta(page.get(), items.isEmpty() ? null : (int) offset + 1, self, size,
                items.isEmpty() ? null : (int) offset + items.size());
        send(ctx, 200, new Page(items, links, meta, 1));
    }

    private void search(RoutingContext ctx) {
        String email = ctx.request().getParam("email");
        String id = ctx.request().getParam("id");
        Optional<WireCustomer> found = email != null ? customers.byEmail(email)
                : id != null ? customers.byKey(id) : Optional.empty();
        if (found.isPresent()) {
            send(ctx, 200, new One(found.get(), 1));
        } else {
            send(ctx, 404, new Failure("Customer not found.", 0));
        }
    }

    private static Optional<Integer> intParam(RoutingContext ctx, String name, int min, int max, int absent) {
        String value = ctx.request().getParam(name);
        if (value == null) {
            return Optional.of(absent);
        }
        try {
            int parsed = Integer.parseInt(value);
            return parsed >= min && parsed <= max ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void send(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .end(json.writeValueAsString(Objects.requireNonNull(body)));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
