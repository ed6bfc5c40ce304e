package partnero.gateway.devupstream;

import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;

import partnero.gateway.partnero.WireCustomer;

/**
 * The simulator's data: a few hundred customers of one program, referred by a handful of partners,
 * some soft-deleted, as Partnero's own records ({@link WireCustomer}, which also writes them in Partnero's
 * wire format), and what only the single customer's answer adds to them: a status and tags. Seeded, so
 * every dev session sees the same data.
 */
final class SimulatedCustomers {

    record Partner(String key, String email) {
    }

    /** One tag, as Partnero writes tags: {@code {"value": "vip"}}. */
    record Tag(String value) {
    }

    /** {@code GET /customers/{key}}'s customer: the list's fields, a status, and tags (absent for a few). */
    record Detail(@JsonUnwrapped WireCustomer customer, String status,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Tag> tags) {
    }

    static final List<Partner> PARTNERS = List.of(
            new Partner("partner_northwind", "affiliates@northwind.example"),
            new Partner("partner_lumen", "hello@lumen-media.example"),
            new Partner("partner_brightpath", "team@brightpath.example"),
            new Partner("partner_quill", "quill.reviews@mail.example"),
            new Partner("partner_orbit", "partners@orbit-labs.example"),
            new Partner("partner_sage", "sage.creator@mail.example"));

    private static final String[] NAMES = { "Alice", "Ben", "Chloe", "Daniel", "Emma", "Felix", "Grace", "Hugo",
            "Isla", "Jonas", "Kira", "Liam", "Mia", "Noah", "Olivia", "Paul", "Quinn", "Rosa", "Sam", "Tara",
            "Umar", "Vera", "Will", "Yara", "Zoe" };
    private static final String[] SURNAMES = { "Brown", "Novak", "Garcia", "Smith", "Kowalski", "Jensen", "Rossi",
            "Müller", "Dubois", "Silva", "Kim", "Patel", "O'Brien", "Andersen", "Costa", "Weber", "Nowak", "Ivanova" };
    private static final String[] DOMAINS = { "mail.example", "inbox.example", "post.example", "company.example" };
    private static final String[] TAGS = { "vip", "newsletter", "beta", "wholesale" };

    private final List<WireCustomer> customers;
    private final Map<String, Detail> details = new HashMap<>();

    /** @param json reads each customer from Partnero's field names, as the REST client does: a field added to
     *        {@link WireCustomer} needs nothing here (it is null in the simulator until set above) */
    SimulatedCustomers(int count, long seed, ObjectMapper json) {
        Random random = new Random(seed);
        Set<String> emails = new HashSet<>();
        List<WireCustomer> all = new ArrayList<>(count);
        Instant created = Instant.parse("2024-03-01T09:00:00Z");
        for (int i = 1; i <= count; i++) {
            String name = NAMES[random.nextInt(NAMES.length)];
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            // accents dropped, not the letters they sit on: Müller is muller@, not mller@
            String local = Normalizer.normalize(name + "." + surname, Normalizer.Form.NFD)
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
            String email = local + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
            for (int n = 2; !emails.add(email); n++) {
                email = local + n + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
            }
            created = created.plus(1 + random.nextInt(60 * 48), ChronoUnit.MINUTES).plusMillis(random.nextInt(1000));
            Instant updated = created.plus(random.nextInt(90 * 24), ChronoUnit.HOURS);
            boolean deleted = random.nextInt(100) < 6;
            String partner = random.nextInt(100) < 85 ? PARTNERS.get(random.nextInt(PARTNERS.size())).key() : null;
            Map<String, Object> wire = new HashMap<>();
            wire.put("key", "cus_%05d".formatted(i));
            wire.put("partner", partner);
            wire.put("deleted", deleted);
            wire.put("name", name);
            wire.put("surname", surname);
            wire.put("email", email);
            wire.put("created_at", created.toString());
            wire.put("updated_at", updated.toString());
            wire.put("deleted_at", deleted ? updated.plus(3, ChronoUnit.DAYS).toString() : null);
            all.add(json.convertValue(wire, WireCustomer.class));
        }
        this.customers = List.copyOf(all);
        // drawn apart from the customers, whose seeded values stay as they were before details existed
        Random detailsRandom = new Random(seed + 1);
        for (WireCustomer customer : customers) {
            int draw = detailsRandom.nextInt(100);
            String status = draw < 85 ? "active" : draw < 95 ? "inactive" : "pending";
            details.put(customer.key(), new Detail(customer, status, tags(detailsRandom)));
        }
    }

    /** Null (the field absent) for a few, none for about half, else one or two. */
    private static List<Tag> tags(Random random) {
        int draw = random.nextInt(100);
        if (draw < 3) {
            return null;
        }
        if (draw < 50) {
            return List.of();
        }
        int first = random.nextInt(TAGS.length);
        Tag tag = new Tag(TAGS[first]);
        return draw < 80 ? List.of(tag) : List.of(tag, new Tag(TAGS[(first + 1 + random.nextInt(TAGS.length - 1)) % TAGS.length]));
    }

    List<WireCustomer> matching(Predicate<WireCustomer> filter) {
        return customers.stream().filter(filter).toList();
    }

    Optional<WireCustomer> byEmail(String email) {
        return customers.stream().filter(c -> c.email().equalsIgnoreCase(email)).findFirst();
    }

    Optional<WireCustomer> byKey(String key) {
        return customers.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    Optional<Detail> detail(String key) {
        return Optional.ofNullable(details.get(key));
    }

    static Optional<Partner> partnerByEmail(String email) {
        return PARTNERS.stream().filter(p -> p.email().equalsIgnoreCase(email)).findFirst();
    }
}
