package partnero.gateway.support;

/** Bodies as Partnero sends them, for stubbing. */
public final class PartneroBodies {

    private PartneroBodies() {
    }

    public static final String ALICE = """
            {
              "key": "customer_123",
              "partner": "partner_123",
              "deleted": false,
              "name": "Alice",
              "surname": "Brown",
              "email": "alice.brown@partnero.com",
              "created_at": "2025-05-02T16:12:39.000000Z",
              "updated_at": "2025-05-03T08:01:02.123456Z",
              "deleted_at": null
            }""";

    public static final String BOB_DELETED = """
            {
              "key": "customer_456",
              "partner": null,
              "deleted": true,
              "name": "Bob",
              "surname": "Novak",
              "email": "bob@example.com",
              "created_at": "2025-01-10T10:00:00Z",
              "updated_at": "2025-02-11T11:30:00.5Z",
              "deleted_at": "2025-02-11T11:30:00.000000Z",
              "a_field_partnero_added_later": {"nested": [1, 2, 3]}
            }""";

    /** A list page in Partnero's envelope; {@code prev}/{@code next} are JSON values ({@code null} or a quoted URL). */
    public static String page(int currentPage, int perPage, String from, String to, String prev, String next,
            String... customers) {
        return """
                {
                  "data": [%s],
                  "links": {
                    "first": "https://api.partnero.com/v1/customers?page=1",
                    "last": null,
                    "prev": %s,
                    "next": %s
                  },
                  "meta": {
                    "current_page": %d,
                    "from": %s,
                    "path": "https://api.partnero.com/v1/customers",
                    "per_page": %d,
                    "to": %s
                  },
                  "status": 1
                }""".formatted(String.join(",", customers), prev, next, currentPage, from, perPage, to);
    }

    /** The first and only page of the default size (15), holding {@code customers} (at least one). */
    public static String onlyPage(String... customers) {
        return page(1, 15, "1", String.valueOf(customers.length), "null", "null", customers);
    }

    public static String pageLink(int page) {
        return "\"https://api.partnero.com/v1/customers?page=" + page + "\"";
    }

    public static String one(String customer) {
        return "{\"data\": " + customer + ", \"status\": 1}";
    }
}
