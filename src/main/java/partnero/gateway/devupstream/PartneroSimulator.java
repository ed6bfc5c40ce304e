package partnero.gateway.devupstream;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
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
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import partnero.gateway.devupstream.SimulatedTransactions.Transaction;
import partnero.gateway.partnero.WireCustomer;

/**
 * A Partnero-compatible stand-in for the read API the gateway uses, served by the gateway itself under
 * {@code /dev-upstream/v1} so that {@code ./mvnw quarkus:dev} shows data with no key and no network, through
 * the real REST client:
 * <ul>
 * <li>{@code GET /customers} (filters {@code partner.key}, {@code partner.email}), {@code GET /customers:search}
 * ({@code id} or {@code email}; routed only with a literal colon), {@code GET /customers/{key}} (with
 * {@code status} and {@code tags});</li>
 * <li>{@code GET /partners}, {@code GET /partners/{id}} (with referral links, referrals and commissions);</li>
 * <li>{@code GET /transactions} (filters {@code key}, {@code customer.key}, {@code partner.key}),
 * {@code GET /transactions/{key}}, each with its rewards.</li>
 * </ul>
 * Like Partnero it requires a bearer token (any), answers in its envelope ({@code data}, {@code status}),
 * pages simply ({@code links.next}, no total), refuses a page below 1 or a limit outside 1..250 with 422,
 * answers 404 for an unknown key, and reads a key or id as one percent-encoded path segment. The data
 * (seeded, the same at every start) is in {@link SimulatedCustomers}, {@link SimulatedPartners} and
 * {@link SimulatedTransactions}: the customers' {@code partner} is a partner's id, and transactions name
 * existing customers and their partners.
 * <p>
 * The bean exists only when {@code partnero.dev-upstream.enabled} is true at build time, which only
 * the dev profile sets: the production build has no such route.
 */
@ApplicationScoped
@IfBuildProperty(name = "partnero.dev-upstream.enabled", stringValue = "true")
public class PartneroSimulator {

    static final String BASE_PATH = "/dev-upstream/v1";

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Page(List<?> data, Links links, Meta meta, int status) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Links(String first, String last, String prev, String next) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Meta(@JsonProperty("current_page") int currentPage, Integer from, String path,
            @JsonProperty("per_page") int perPage, Integer to) {
    }

    record One(Object data, int status) {
    }

    record Failure(String message, int status) {
    }

    /** A path below the base naming one item: {@code /partners/{id}}, with the id decoded. */
    record ItemPath(String collection, String id) {
    }

    private final SimulatedCustomers customers;
    private final SimulatedPartners partners;
    private final SimulatedTransactions transactions;
    private final ObjectMapper json;

    PartneroSimulator(ObjectMapper json) {
        this.json = json;
        this.customers = new SimulatedCustomers(320, 20250502L, json);
        this.transactions = new SimulatedTransactions(customers, 20250503L);
        this.partners = new SimulatedPartners(customers, transactions);
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
        // the raw path: like Partnero, "customers%3Asearch" is not the search endpoint, and a "%2F" belongs to a key
        HttpServerRequest request = ctx.request();
        String path = request.path().startsWith(BASE_PATH) ? request.path().substring(BASE_PATH.length()) : "";
        switch (path) {
            case "/customers" -> page(ctx, path, customers.matching(customerFilter(request)));
            case "/customers:search" -> search(ctx);
            case "/partners" -> page(ctx, path, partners.all());
            case "/transactions" -> page(ctx, path, transactions.matching(
                    equalTo(request, "key", Transaction::key)
                            .and(equalTo(request, "customer.key", Transaction::customer))
                            .and(equalTo(request, "partner.key", Transaction::partner))));
            default -> item(ctx, path);
        }
    }

    private static Predicate<WireCustomer> customerFilter(HttpServerRequest request) {
        Predicate<WireCustomer> filter = equalTo(request, "partner.key", WireCustomer::partner);
        String partnerEmail = request.getParam("partner.email");
        if (partnerEmail != null) {
            String key = SimulatedCustomers.partnerByEmail(partnerEmail).map(SimulatedCustomers.Partner::key).orElse(null);
            filter = filter.and(customer -> key != null && key.equals(customer.partner()));
        }
        return filter;
    }

    /** Only the items whose field equals the query parameter, or all when the request has none. */
    private static <T> Predicate<T> equalTo(HttpServerRequest request, String parameter, Function<T, String> field) {
        String wanted = request.getParam(parameter);
        return wanted == null ? item -> true : item -> wanted.equals(field.apply(item));
    }

    private void page(RoutingContext ctx, String listPath, List<?> all) {
        Optional<Integer> page = intParam(ctx, "page", 1, Integer.MAX_VALUE, 1);
        Optional<Integer> limit = intParam(ctx, "limit", 1, 250, 15);
        if (page.isEmpty() || limit.isEmpty()) {
            send(ctx, 422, new Failure("The page must be 1 or more and the limit between 1 and 250.", 0));
            return;
        }
        int size = limit.get();
        long offset = (long) (page.get() - 1) * size;
        List<?> items = offset >= all.size() ? List.of()
                : all.subList((int) offset, (int) Math.min(all.size(), offset + size));
        String self = ctx.request().scheme() + "://" + ctx.request().authority() + BASE_PATH + listPath;
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

    private void item(RoutingContext ctx, String path) {
        Optional<?> found = itemPath(path).flatMap(item -> switch (item.collection()) {
            case "customers" -> customers.detail(item.id());
            case "partners" -> partners.byId(item.id());
            case "transactions" -> transactions.byKey(item.id());
            default -> Optional.empty();
        });
        if (found.isPresent()) {
            send(ctx, 200, new One(found.get(), 1));
        } else {
            send(ctx, 404, new Failure("Not found.", 0));
        }
    }

    /**
     * {@code /customers/a%2Fb} is the customer {@code a/b}: a raw path of a collection and one non-empty
     * segment, percent-decoded (a {@code +} stays a plus, as in any path); empty for any other path or a
     * malformed escape.
     */
    static Optional<ItemPath> itemPath(String rawPath) {
        int slash = rawPath.indexOf('/', 1);
        if (slash < 1 || !rawPath.startsWith("/") || slash == rawPath.length() - 1 || rawPath.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        try {
            String id = URLDecoder.decode(rawPath.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            return Optional.of(new ItemPath(rawPath.substring(1, slash), id));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
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
