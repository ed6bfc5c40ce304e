package partnero.gateway.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import partnero.gateway.partnero.WireCustomer;
import partnero.gateway.partnero.WireCustomerList;

/**
 * Partnero's records become the schema's types in one place: a customer field by field (Partnero's
 * {@code partner} as {@code partnerKey}, a missing {@code deleted} as false), and a page's
 * {@code pageInfo} from Partnero's loosely specified paging blocks, keeping the schema's promises
 * from whatever is there.
 */
class CustomerMappingTest {

    static final OffsetDateTime CREATED = OffsetDateTime.parse("2024-05-01T10:00:00Z");
    static final WireCustomer ADA = new WireCustomer("cus_1", "partner_lumen", null, "Ada", "Lovelace", "ada@example.com", CREATED,
            null, null, null, null);
    static final CustomerListRequest PAGE_2_OF_2 = new CustomerListRequest(2, 2, null, null);

    @Test
    void aCustomerIsMappedFieldByFieldWithAMissingDeletedAsFalse() {
        Customer customer = CustomerMapping.toCustomer(ADA);

        assertEquals(new Customer("cus_1", "ada@example.com", "Ada", "Lovelace", "partner_lumen", false, CREATED, null, null), customer);
    }

    @Test
    void noCustomerIsNull() {
        assertNull(CustomerMapping.toCustomer(null));
    }

    @Test
    void pageInfoComesFromPartnerosLinksAndMeta() {
        WireCustomerList body = new WireCustomerList(List.of(ADA), new WireCustomerList.Links(null, null, "?page=1", null),
                new WireCustomerList.Meta(2, 2, 3, 3));

        PageInfo info = CustomerMapping.toPage(body, PAGE_2_OF_2).pageInfo();

        assertEquals(new PageInfo(2, 2, 3, 3, false, true), info);
    }

    @Test
    void withoutMetaThePageIsTheRequestsOwn() {
        WireCustomerList body = new WireCustomerList(List.of(ADA), new WireCustomerList.Links(null, null, null, "?page=3"), null);

        PageInfo info = CustomerMapping.toPage(body, PAGE_2_OF_2).pageInfo();

        assertEquals(2, info.currentPage());
        assertEquals(2, info.perPage());
        assertTrue(info.hasNextPage());
        assertFalse(info.hasPreviousPage());
    }

    @Test
    void withoutLinksAFullPageMayHaveASuccessorAndAnyPageAfterTheFirstHasAPredecessor() {
        WireCustomerList full = new WireCustomerList(List.of(ADA, ADA), null, new WireCustomerList.Meta(2, 2, 3, 4));
        WireCustomerList partial = new WireCustomerList(List.of(ADA), null, new WireCustomerList.Meta(2, 2, 3, 3));

        PageInfo fullInfo = CustomerMapping.toPage(full, PAGE_2_OF_2).pageInfo();
        PageInfo partialInfo = CustomerMapping.toPage(partial, PAGE_2_OF_2).pageInfo();

        assertTrue(fullInfo.hasNextPage());
        assertFalse(partialInfo.hasNextPage());
        assertTrue(fullInfo.hasPreviousPage());
    }

    @Test
    void anEmptyPageHasNoFromAndToWhateverMetaSays() {
        WireCustomerList empty = new WireCustomerList(List.of(), null, new WireCustomerList.Meta(9, 15, 121, 135));

        CustomerPage page = CustomerMapping.toPage(empty, new CustomerListRequest(9, 15, null, null));

        assertTrue(page.items().isEmpty());
        assertNull(page.pageInfo().from());
        assertNull(page.pageInfo().to());
        assertFalse(page.pageInfo().hasNextPage());
    }
}
