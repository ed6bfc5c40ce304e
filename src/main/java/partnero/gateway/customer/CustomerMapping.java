package partnero.gateway.customer;

import java.util.List;

import partnero.gateway.partnero.WireCustomer;
import partnero.gateway.partnero.WireCustomerList;

/**
 * The one place where Partnero's records become the schema's types. Partnero's side has already
 * checked that its answers are readable (every customer has a key), so nothing here fails; where
 * Partnero is loosely specified (paging blocks), the schema's promises are kept from what there is.
 */
final class CustomerMapping {

    private static final WireCustomerList.Meta NO_META = new WireCustomerList.Meta(null, null, null, null);

    private CustomerMapping() {
    }

    static CustomerPage toPage(WireCustomerList body, CustomerListRequest request) {
        List<Customer> items = body.data().stream().map(CustomerMapping::toCustomer).toList();
        WireCustomerList.Meta meta = body.meta() != null ? body.meta() : NO_META;
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

    /** Null for null: a search that found nobody. */
    static Customer toCustomer(WireCustomer wire) {
        if (wire == null) {
            return null;
        }
        return new Customer(wire.key(), wire.email(), wire.name(), wire.surname(), wire.partner(),
                Boolean.TRUE.equals(wire.deleted()), wire.createdAt(), wire.updatedAt(), wire.deletedAt());
    }
}
