package partnero.gateway.partnero;

import java.util.List;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * The body of a paginated endpoint other than the customers' ({@code GET /partners}, {@code GET /transactions}):
 * its items, and the same simple pagination as {@link WireCustomerList}.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WirePage<T>(List<T> data, WireCustomerList.Links links, WireCustomerList.Meta meta) {

    /** About the heap this page holds, for the data cache's bound, given an estimate for one item. */
    int estimatedBytes(ToIntFunction<T> item) {
        return estimatedBytes(data, links, item);
    }

    /** About the heap a page of {@code data} with these links holds (see {@link WireCustomer#estimatedBytes()}). */
    static <T> int estimatedBytes(List<T> data, WireCustomerList.Links links, ToIntFunction<T> item) {
        int bytes = 200 + (links == null ? 0 : WireCustomer.text(links.first()) + WireCustomer.text(links.last())
                + WireCustomer.text(links.prev()) + WireCustomer.text(links.next()));
        if (data != null) {
            for (T one : data) {
                bytes += 8 + (one == null ? 0 : item.applyAsInt(one));
            }
        }
        return bytes;
    }

    /** The page, if the gateway can read it: it has {@code data}, and every item passes {@code check}. */
    WirePage<T> readable(String what, UnaryOperator<T> check) {
        if (data == null) {
            throw GatewayException.upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, "Partnero's " + what + " list has no 'data'", 200, null);
        }
        data.forEach(check::apply);
        return this;
    }
}
