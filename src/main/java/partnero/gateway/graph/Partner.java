package partnero.gateway.graph;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import partnero.gateway.engine.AccessorFields;

/**
 * The GraphQL {@code Partner}: the fields every partner Partnero returns has; the details only the
 * single partner carries ({@code referralLink}, {@code stats}, ...) are {@link NestedFields}.
 */
@AccessorFields
@Type("Partner")
@Description("A partner of the program: someone who refers customers and earns commissions.")
public record Partner(
        @NonNull @Description("Partnero's id of the partner.") String id,
        @Description("The partner's email address.") String email,
        @Description("The partner's first name.") String name,
        @Description("The partner's last name.") String surname,
        @Description("The partner's status: active, pending, archived, deleted, or a newer value.") String status,
        @Description("Whether the partner was approved for the program.") Boolean approved,
        @Description("When the partner joined, in UTC.") OffsetDateTime createdAt,
        @Description("When the partner was last changed, in UTC.") OffsetDateTime updatedAt) {
}
