package partnero.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The metric selectors that the operator's kit in {@code deploy/} depends on: every metric name in the
 * PromQL of the alert rules and of the Grafana dashboard, with the label matchers it is selected by, and
 * the series a {@code /q/metrics} scrape holds, so that a test can tell which selector would find nothing.
 */
final class OperatorKit {

    static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");
    static final Path DASHBOARD = Path.of("deploy/grafana/gateway-dashboard.json");

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern SELECTOR_WITH_LABELS = Pattern.compile("(?<![\\w:.$])(" + NAME + ")\\s*\\{([^}]*)}");
    private static final Pattern LABEL_MATCHER = Pattern.compile("([a-zA-Z_]\\w*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** What is no metric: strings, ranges and offsets, grouping label lists, Grafana variables. */
    private static final Pattern NOT_METRICS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^]]*]|\\boffset\\s+\\S+"
            + "|\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)|\\$\\{?\\w+}?");
    private static final Pattern BARE_NAME = Pattern.compile("(?<![\\w:.$])(" + NAME + "+)(?!\\s*\\()"); // possessive: "sum(" is no "su"
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "inf", "nan");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([^,]+),");

    private OperatorKit() {
    }

    /** A metric as an expression selects it: its name and its label matchers ({@code "="}, {@code "!="}, {@code "=~"}, {@code "!~"}). */
    record Selector(String metric, List<LabelMatcher> matchers, String usedIn) {

        /** Whether {@code series} (one line of a scrape, parsed) is one this selector finds. */
        boolean finds(Series series) {
            return series.name().equals(metric) && matchers.stream().allMatch(m -> m.holdsFor(series.labels().get(m.label())));
        }

        @Override
        public String toString() {
            return metric + matchers + " in " + usedIn;
        }
    }

    record LabelMatcher(String label, String operator, String value) {

        boolean holdsFor(String actual) {
            if (value.contains("$")) {
                return true; // a Grafana variable: any value may be chosen
            }
            String found = actual == null ? "" : actual; // Prometheus: a missing label is the empty string
            return switch (operator) {
                case "=" -> found.equals(value);
                case "!=" -> !found.equals(value);
                case "=~" -> found.matches(value);
                default -> !found.matches(value);
            };
        }

        @Override
        public String toString() {
            return label + operator + '"' + value + '"';
        }
    }

    record Series(String name, Map<String, String> labels) {
    }

    /** The selectors of every alert rule's expression. */
    static List<Selector> alertSelectors() {
        JsonNode rules = read(new ObjectMapper(new YAMLFactory()), ALERTS);
        List<Selector> selectors = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert") ? rule.get("alert").asText() : rule.path("record").asText();
                selectors.addAll(selectors(rule.path("expr").asText(), ALERTS.getFileName() + " " + name));
            }
        }
        return selectors;
    }

    /** The selectors of every query of the dashboard: its panels' targets and its variables' label_values(). */
    static List<Selector> dashboardSelectors() {
        JsonNode dashboard = read(new ObjectMapper(), DASHBOARD);
        List<Selector> selectors = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                selectors.addAll(selectors(target.path("expr").asText(), DASHBOARD.getFileName() + " \"" + panel.path("title").asText() + "\""));
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
            if (labelValues.find()) {
                selectors.addAll(selectors(labelValues.group(1), DASHBOARD.getFileName() + " variable " + variable.path("name").asText()));
            }
        }
        return selectors;
    }

    /** The metrics {@code promql} selects: names with their label matchers, and bare names; not its functions, keywords or labels. */
    static List<Selector> selectors(String promql, String usedIn) {
        List<Selector> selectors = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher withLabels = SELECTOR_WITH_LABELS.matcher(promql);
        while (withLabels.find()) {
            List<LabelMatcher> matchers = new ArrayList<>();
            Matcher matcher = LABEL_MATCHER.matcher(withLabels.group(2));
            while (matcher.find()) {
                matchers.add(new LabelMatcher(matcher.group(1), matcher.group(2), matcher.group(3)));
            }
            selectors.add(new Selector(withLabels.group(1), matchers, usedIn));
            withLabels.appendReplacement(rest, " ");
        }
        withLabels.appendTail(rest);
        Matcher bare = BARE_NAME.matcher(NOT_METRICS.matcher(rest).replaceAll(" "));
        while (bare.find()) {
            if (!KEYWORDS.contains(bare.group(1).toLowerCase())) {
                selectors.add(new Selector(bare.group(1), List.of(), usedIn));
            }
        }
        return selectors;
    }

    /** The series of a Prometheus scrape (comments and exemplars left out). */
    static List<Series> series(String scrape) {
        List<Series> series = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            if (brace < 0 || (space >= 0 && space < brace)) {
                series.add(new Series(line.substring(0, space < 0 ? line.length() : space), Map.of()));
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL_MATCHER.matcher(line.substring(brace, line.indexOf('}', brace)));
            while (label.find()) {
                labels.put(label.group(1), label.group(3));
            }
            series.add(new Series(line.substring(0, brace), labels));
        }
        return series;
    }

    /** The selectors that find no series in {@code scrape}. */
    static List<Selector> unfound(List<Selector> selectors, String scrape) {
        List<Series> series = series(scrape);
        return selectors.stream().filter(selector -> series.stream().noneMatch(selector::finds)).toList();
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
