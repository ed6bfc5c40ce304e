package partnero.gateway.customer;

import java.util.List;

import partnero.gateway.partnero.WireCustomer;
import partnero.gateway.partnero.WireCustomerList;

/**
 * The one place where Partnero's records become the schema's types. Partnero's side has already
 * checked that its answers are readable (every customer has a key), so nothing here fails; where
 * Partnero is loosely specified (paging blocks), the schema's promises are kept from what there is.
 */
public final class CustomerMapping {

    private static final WireCustomerList.Meta NO_META = new WireCustomerList.Meta(null, null, null, null);

    private CustomerMapping() {
    }

    public static CustomerPage toPage(WireCustomerList body, CustomerListRequest request) {
        List<Customer> items = body.data().stream().map(CustomerMapping::toCustomer).toList();
        return new CustomerPage(items, pageInfo(body.links(), body.meta(), items.size(), request.page(), request.limit()));
    }

    /**
     * Where a page of {@code size} items sits, from Partnero's paging blocks (any of them may be
     * missing), else from the page and limit that were asked for.
     */
    public static PageInfo pageInfo(WireCustomerList.Links links, WireCustomerList.Meta meta, int size, int page, int limit) {
        WireCustomerList.Meta known = meta != null ? meta : NO_META;
        int currentPage = known.currentPage() != null ? known.currentPage() : page;
        int perPage = known.perPage() != null ? known.perPage() : limit;
        boolean empty = size == 0;
        // Partnero's paging is "simple": links.next/prev say whether a neighbour exists. Without links,
        // a full page may have a successor (the client then sees an empty last page, never misses data).
        boolean hasNext = links != null ? links.next() != null : !empty && size >= perPage;
        boolean hasPrevious = links != null ? links.prev() != null : currentPage > 1;
        return new PageInfo(currentPage, perPage, empty ? null : known.from(), empty ? null : known.to(), hasNext, hasPrevious);
    }

    /** Null for null: a search that found nobody. */
    public static Customer toCustomer(WireCustomer wire) {
        if (wire == null) {
            return null;
        }
        return new Customer(wire.key(), wire.email(), wire.name(), wire.surname(), wire.partner(),
                Boolean.TRUE.equals(wire.deleted()), wire.createdAt(), wire.updatedAt(), wire.deletedAt());
    }
}
