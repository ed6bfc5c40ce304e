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

    /** A customer as Partnero lists it, referred by {@code partner} (an id, or null). */
    public static String customer(String key, String partner) {
        return """
                {"key": "%s", "partner": %s, "deleted": false, "name": "N", "surname": "S", "email": "%s@example.com",
                 "created_at": "2025-05-02T16:12:39.000000Z", "updated_at": "2025-05-02T16:12:39.000000Z", "deleted_at": null}"""
                .formatted(key, partner == null ? "null" : "\"" + partner + "\"", key);
    }

    /** A single customer as {@code GET /customers/{key}} has it: with status and tags. */
    public static String customerDetail(String key, String partner, String status, String... tags) {
        String tagList = String.join(",", java.util.Arrays.stream(tags).map(tag -> "{\"value\": \"" + tag + "\"}").toList());
        return customer(key, partner).replaceFirst("\\{", "{\"status\": \"" + status + "\", \"tags\": [" + tagList + "], ");
    }

    /** A partner as {@code GET /partners/{id}} has it, with every detail. */
    public static String partnerDetail(String id) {
        return """
                {"id": "%s", "email": "%s@partners.example", "name": "Pat", "surname": "Ner", "status": "active", "approved": true,
                 "custom_fields": [], "created_at": "2024-01-01T00:00:00.000000Z", "updated_at": "2024-02-01T00:00:00Z", "tos": true,
                 "referrals_count": 3, "tags": [{"value": "gold"}], "referral_link": "https://ref.example/%s",
                 "referral_links": ["https://ref.example/%s"],
                 "referrals": {"clicks": 10, "signups": 4, "revenue": [{"currency": "EUR", "amount": 199.98}], "sales_count": 2, "paid_accounts": 1},
                 "commissions": {"paid": 12.5, "pending": [{"currency": "EUR", "amount": 29.997}], "not_paid": []}}"""
                .formatted(id, id, id, id);
    }

    /** A partner as {@code GET /partners} lists it: no details. */
    public static String partner(String id) {
        return """
                {"id": "%s", "email": "%s@partners.example", "name": "Pat", "surname": "Ner", "status": "pending", "approved": false,
                 "custom_fields": [], "created_at": "2024-01-01T00:00:00.000000Z", "updated_at": "2024-02-01T00:00:00Z"}"""
                .formatted(id, id);
    }

    /** A transaction of {@code customer} credited to {@code partner}: a 99.99 sale with a reward of 29.997 (amount as written). */
    public static String transaction(String key, String customer, String partner, String amount) {
        return """
                {"key": "%s", "action": "sale", "amount": %s, "amount_units": "EUR", "partner": "%s", "customer": "%s",
                 "credit": false, "is_currency": true, "created_at": "2025-03-01T10:00:00.000000Z", "deleted_at": null,
                 "rewards": [{"key": "%s", "action": "sale", "status": "review_period", "customer": "%s", "partner": "%s",
                   "amount": 29.997, "amount_units": "EUR", "is_currency": true, "credit": false,
                   "created_at": "2025-03-01T10:00:00.000000Z", "deleted_at": null, "product_type_data": {}}]}"""
                .formatted(key, amount, partner, customer, key, customer, partner);
    }
}
