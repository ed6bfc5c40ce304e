package partnero.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request's {@code Content-Type} read as what it is on the wire: one or more header lines, each a
 * comma-separated list of media types with parameters (RFC 9110, sections 5.3 and 8.3). Browsers
 * merge a page's own {@code Content-Type} with the one their fetch code adds into one line, so
 * {@code application/json, application/json} is a real request (GraphiQL sends it).
 */
final class ContentTypeHeader {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private ContentTypeHeader() {
    }

    /**
     * The media types the header lines name, as lower-case {@code type/subtype}, parameters dropped;
     * empty when a line is malformed (a media type without a subtype, a parameter without a value,
     * an unclosed quote) or when no media type is named at all.
     */
    static Optional<List<String>> mediaTypes(List<String> headerLines) {
        List<String> mediaTypes = new ArrayList<>();
        for (String line : headerLines) {
            for (String element : elements(line)) {
                if (element.isBlank()) {
                    continue; // "a, , b": empty list elements carry nothing (RFC 9110, 5.6.1)
                }
                Optional<String> mediaType = mediaType(element);
                if (mediaType.isEmpty()) {
                    return Optional.empty();
                }
                mediaTypes.add(mediaType.get());
            }
        }
        return mediaTypes.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(mediaTypes));
    }

    /** {@code type/subtype *( ; name=value )}, where a value is a token or a quoted string. */
    private static Optional<String> mediaType(String element) {
        List<String> parts = split(element, ';');
        if (parts == null) {
            return Optional.empty();
        }
        String essence = parts.get(0).strip();
        int slash = essence.indexOf('/');
        if (slash < 0 || !TOKEN.matcher(essence.substring(0, slash)).matches()
                || !TOKEN.matcher(essence.substring(slash + 1)).matches()) {
            return Optional.empty();
        }
        for (String parameter : parts.subList(1, parts.size())) {
            if (!parameter.isBlank() && !isParameter(parameter.strip())) {
                return Optional.empty();
            }
        }
        return Optional.of(essence.toLowerCase(Locale.ROOT));
    }

    private static boolean isParameter(String parameter) {
        int equals = parameter.indexOf('=');
        if (equals <= 0 || !TOKEN.matcher(parameter.substring(0, equals).strip()).matches()) {
            return false;
        }
        String value = parameter.substring(equals + 1).strip();
        return TOKEN.matcher(value).matches() || value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
    }

    private static List<String> elements(String line) {
        List<String> elements = split(line, ',');
        return elements == null ? List.of("\"") : elements; // an unclosed quote: one malformed element
    }

    /** Splits on {@code separator} outside quoted strings; null when a quote is left open. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        parts.add(part.toString());
        return parts;
    }
}
