package partnero.gateway.customer;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import partnero.gateway.engine.AccessorFields;

/** The GraphQL {@code Customer}: the public shape, independent of Partnero's wire format. */
@AccessorFields
@Type("Customer")
@Description("A customer of the program: a person who signed up or bought, possibly referred by a partner.")
public record Customer(
        @NonNull @Description("Partnero's unique key of the customer.") String key,
        @Description("The customer's email address.") String email,
        @Description("The customer's first name.") String name,
        @Description("The customer's last name.") String surname,
        @Description("Referral key of the partner who referred the customer; null when nobody did.") String partnerKey,
        @NonNull @Description("Whether the customer was soft-deleted in Partnero.") boolean deleted,
        @Description("When the customer was created, in UTC.") OffsetDateTime createdAt,
        @Description("When the customer was last changed, in UTC.") OffsetDateTime updatedAt,
        @Description("When the customer was soft-deleted, in UTC; null unless deleted.") OffsetDateTime deletedAt) {
}
