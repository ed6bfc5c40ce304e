package partnero.gateway.customer;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import partnero.gateway.engine.AccessorFields;

/** Where a page sits in the list. Partnero's paging is "simple": there is no total count. */
@AccessorFields
@Type("PageInfo")
@Description("Where this page sits in the list. There is no total count: page on while hasNextPage is true.")
public record PageInfo(
        @NonNull @Description("The number of this page, from 1.") int currentPage,
        @NonNull @Description("The page size that was asked for.") int perPage,
        @Description("Position of the first item of this page in the whole list, from 1; null on an empty page.") Integer from,
        @Description("Position of the last item of this page in the whole list; null on an empty page.") Integer to,
        @NonNull @Description("Whether a page follows this one.") boolean hasNextPage,
        @NonNull @Description("Whether a page precedes this one.") boolean hasPreviousPage) {
}
