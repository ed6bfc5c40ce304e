package partnero.gateway.graph;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The graph's arguments, with the input rules they must meet before anything is sent upstream (the
 * engine checks {@code page}, {@code limit}, {@code key} and {@code id} in the whole document first;
 * these hold where a resolver runs without it, by a compiled plan). Every message names its argument.
 */
final class GraphArguments {

    static final int DEFAULT_PAGE = 1;
    static final int DEFAULT_LIMIT = 15;

    private GraphArguments() {
    }

    record Paging(
            @Min(value = 1, message = "page must be 1 or more") int page,
            @Min(value = 1, message = "limit must be between 1 and 250")
            @Max(value = 250, message = "limit must be between 1 and 250") int limit) {

        static Paging of(Integer page, Integer limit) {
            return new Paging(page == null ? DEFAULT_PAGE : page, limit == null ? DEFAULT_LIMIT : limit);
        }
    }

    record TransactionFilters(
            @Min(value = 1, message = "page must be 1 or more") int page,
            @Min(value = 1, message = "limit must be between 1 and 250")
            @Max(value = 250, message = "limit must be between 1 and 250") int limit,
            @Pattern(regexp = "\\S+", message = "customerKey must be a non-blank key without spaces")
            @Size(max = 255, message = "customerKey must be at most 255 characters") String customerKey,
            @Pattern(regexp = "\\S+", message = "partnerKey must be a non-blank key without spaces")
            @Size(max = 255, message = "partnerKey must be at most 255 characters") String partnerKey) {
    }

    record KeyArgument(@NotBlank(message = "key must not be blank")
            @Size(max = 255, message = "key must be at most 255 characters") String key) {
    }

    record IdArgument(@NotBlank(message = "id must not be blank")
            @Size(max = 255, message = "id must be at most 255 characters") String id) {
    }
}
