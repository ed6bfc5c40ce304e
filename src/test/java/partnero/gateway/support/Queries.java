package partnero.gateway.support;

/** GraphQL documents that many suites send, each named for what it asks. */
public final class Queries {

    /** The keys of the customers on the first page. */
    public static final String KEYS = "{ customers { items { key } } }";
    /** The keys of the first two customers. */
    public static final String TWO_KEYS = "{ customers(limit: 2) { items { key } } }";
    /** The key of the customer whose email is Alice's. */
    public static final String KEY_BY_EMAIL = "{ searchCustomer(email: \"alice.brown@partnero.com\") { key } }";
    /** The key of the customer whose id is the variable {@code id}. */
    public static final String FIND_KEY = "query Find($id: String) { searchCustomer(id: $id) { key } }";
    /** The key and email of the customer whose id is {@code id}: {@code Find} in Apollo's manifest, {@code documents/apollo-manifest.json}. */
    public static final String FIND = "query Find($id: String) { searchCustomer(id: $id) { key email } }";

    private Queries() {
    }
}
