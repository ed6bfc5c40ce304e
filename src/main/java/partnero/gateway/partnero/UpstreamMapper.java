package partnero.gateway.partnero;

import static java.time.temporal.ChronoField.OFFSET_SECONDS;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jboss.logging.Logger;

import partnero.gateway.customer.Customer;
import partnero.gateway.customer.CustomerListRequest;
import partnero.gateway.customer.CustomerPage;
import partnero.gateway.customer.PageInfo;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * The one place where Partnero's wire format becomes the GraphQL types. Tolerant where Partnero is
 * loosely specified (missing paging blocks, timestamp precision), strict where the schema promises
 * something (every customer has a key).
 */
final class UpstreamMapper {

    private static final Logger LOG = Logger.getLogger(UpstreamMapper.class);

    /** ISO 8601 with {@code T} or a space, any fraction of a second, and an offset or else UTC. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .parseDefaulting(OFFSET_SECONDS, 0)
            .toFormatter();

    private UpstreamMapper() {
    }

    static CustomerPage toPage(WireCustomerList body, CustomerListRequest request) {
        if (body == null || body.data() == null) {
            throw badResponse("Partnero's customer list has no 'data'");
        }
        List<Customer> items = body.data().stream().map(UpstreamMapper::toCustomer).toList();
        WireCustomerList.Meta meta = body.meta() != null ? body.meta() : new WireCustomerList.Meta(null, null, null, null);
        int currentPage = meta.currentPage() != null ? meta.currentPage() : request.page();
        int perPage = meta.perPage() != null ? meta.perPage() : request.limit();
        boolean empty = items.isEmpty();
        // Partnero's paging is "simple": links.next/prev say whether a neighbour exists. Without links,
        // a full page may have a successor (the client then sees an empty last page, never misses data).
        boolean hasNext = body.links() != null ? body.links().next() != null : !empty && items.size() >= perPage;
        boolean hasPrevious = body.links() != null ? body.links().prev() != null : currentPage > 1;
        PageInfo pageInfo = new PageInfo(currentPage, perPage,
                empty ? null : meta.from(), empty ? null : meta.to(), hasNext, hasPrevious);
        return new CustomerPage(items, pageInfo);
    }

    /** The one customer of a search answer, or null when there is none. */
    static Customer toSearchResult(WireCustomerSearch body) {
        if (body == null || body.data() == null || body.data().isEmpty()) {
            return null;
        }
        if (body.data().size() > 1) {
            throw badResponse("Partnero returned " + body.data().size() + " customers for a search that identifies one");
        }
        WireCustomer customer = body.data().get(0);
        return customer == null ? null : toCustomer(customer);
    }

    private static Customer toCustomer(WireCustomer wire) {
        if (wire == null || wire.key() == null || wire.key().isBlank()) {
            throw badResponse("Partnero returned a customer without a key");
        }
        return new Customer(wire.key(), wire.email(), wire.name(), wire.surname(), wire.partner(),
                Boolean.TRUE.equals(wire.deleted()),
                timestamp("created_at", wire.createdAt()), timestamp("updated_at", wire.updatedAt()),
                timestamp("deleted_at", wire.deletedAt()));
    }

    /** Null for an absent or unreadable timestamp: one odd field must not fail the whole answer. */
    static OffsetDateTime timestamp(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime canonical = canonicalUtc(value);
        if (canonical != null) {
            return canonical;
        }
        try {
            return OffsetDateTime.parse(value.strip(), TIMESTAMP).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // the field, never its value: an unexpected value may be any customer data
            LOG.warnf("Ignoring a '%s' from Partnero that is not an ISO 8601 timestamp", field);
            return null;
        }
    }

    /**
     * Partnero's own shape, {@code 2025-05-02T16:12:39.000000Z}, read without a DateTimeFormatter:
     * a page has up to 750 timestamps, and the general formatter was 5 % of the gateway's CPU time
     * (README, "Performance"). Null for anything else, which then takes the general path.
     */
    static OffsetDateTime canonicalUtc(String value) {
        int length = value.length();
        if (length < 20 || value.charAt(length - 1) != 'Z' || value.charAt(4) != '-' || value.charAt(7) != '-'
                || value.charAt(10) != 'T' || value.charAt(13) != ':' || value.charAt(16) != ':') {
            return null;
        }
        boolean hasFraction = length > 20; // ".f" to ".fffffffff" between the seconds and the Z
        int fractionDigits = length - 21;
        if (hasFraction && (value.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9)) {
            return null;
        }
        try {
            int nanos = 0;
            if (hasFraction) {
                nanos = number(value, 20, fractionDigits);
                for (int i = fractionDigits; i < 9; i++) {
                    nanos *= 10;
                }
            }
            return OffsetDateTime.of(number(value, 0, 4), number(value, 5, 2), number(value, 8, 2),
                    number(value, 11, 2), number(value, 14, 2), number(value, 17, 2), nanos, ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            return null; // out of range or not digits: the general path decides
        }
    }

    private static int number(String value, int start, int digits) {
        int number = 0;
        for (int i = start; i < start + digits; i++) {
            number = number * 10 + digit(value, i);
        }
        return number;
    }

    private static int digit(String value, int index) {
        char c = value.charAt(index);
        if (c < '0' || c > '9') {
            throw new NumberFormatException();
        }
        return c - '0';
    }

    private static GatewayException badResponse(String message) {
        return GatewayException.upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, message, 200, null);
    }
}
