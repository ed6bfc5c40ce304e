package partnero.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The settings table users read, {@code docs/configuration.md}, says what the code does: every
 * {@code partnero.*} setting of every {@code @ConfigMapping} interface of the gateway (each concern
 * keeps its own beside its code: {@code partnero.CallConfig}, {@code config.CacheConfig}, ...) has its
 * row, with its environment variable and its default, and the table names no setting the code does
 * not read. A new setting without its row, a changed default or a renamed property fails here.
 */
class ConfigurationTableTest {

    static final Path TABLE = Path.of("docs", "configuration.md");
    static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]+) \\| ([^|]+) \\|");

    record Row(String environmentVariable, String defaultValue) {
    }

    record Setting(String property, Optional<String> defaultValue) {
    }

    @Test
    void everySettingOfTheCodeHasItsRowWithItsEnvironmentVariableAndDefault() throws IOException {
        Map<String, Row> rows = rows();
        List<String> wrong = new ArrayList<>();
        for (Setting setting : settings()) {
            Row row = rows.get(setting.property());
            if (row == null) {
                wrong.add(setting.property() + ": no row in " + TABLE);
                continue;
            }
            String variable = setting.property().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            if (!row.environmentVariable().equals("`" + variable + "`") && !row.environmentVariable().equals("—")) {
                wrong.add(setting.property() + ": environment variable " + row.environmentVariable() + ", expected `" + variable + "`");
            }
            String documented = row.defaultValue();
            if (setting.defaultValue().isPresent()) {
                if (!documented.startsWith("`" + setting.defaultValue().get() + "`")) {
                    wrong.add(setting.property() + ": default " + documented + " in the table, `" + setting.defaultValue().get() + "` in the code");
                }
            } else if (documented.startsWith("`")) {
                wrong.add(setting.property() + ": the table gives the default " + documented + ", the code has none");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theTableNamesNoGatewaySettingTheCodeDoesNotRead() throws IOException {
        TreeSet<String> read = new TreeSet<>();
        settings().forEach(setting -> read.add(setting.property()));
        TreeSet<String> documented = new TreeSet<>(rows().keySet());
        documented.removeIf(property -> !property.startsWith("partnero."));

        documented.removeAll(read);
        assertEquals(new TreeSet<>(), documented, "rows of " + TABLE + " for settings no @ConfigMapping of the gateway has");
    }

    @Test
    void theTableIsReadAsATable() throws IOException {
        // the parser above must see the table, or the tests above would pass on nothing
        assertTrue(MAPPINGS.size() >= 7, "settings interfaces found: " + MAPPINGS);
        assertTrue(rows().size() >= settings().size(), "rows read from " + TABLE + ": " + rows().keySet());
    }

    static Map<String, Row> rows() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.put(row.group(1), new Row(row.group(2).trim(), row.group(3).trim()));
            }
        }
        return rows;
    }

    /** The gateway's settings interfaces, wherever they live. */
    static final List<Class<?>> MAPPINGS = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("partnero.gateway").stream().filter(type -> type.isAnnotatedWith(ConfigMapping.class))
            .map(JavaClass::reflect).sorted(Comparator.comparing(Class::getName)).collect(java.util.stream.Collectors.toList());

    /** Every leaf setting of the gateway's settings interfaces. */
    static List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        MAPPINGS.forEach(mapping -> settings.addAll(settings(mapping)));
        return settings;
    }

    /** The leaf settings of a {@code @ConfigMapping} interface, named as SmallRye Config names them. */
    static List<Setting> settings(Class<?> mapping) {
        List<Setting> settings = new ArrayList<>();
        collect(mapping, prefix(mapping), settings);
        return settings;
    }

    static String prefix(Class<?> mapping) {
        return mapping.getAnnotation(ConfigMapping.class).prefix();
    }

    private static void collect(Class<?> group, String prefix, List<Setting> settings) {
        Method[] methods = group.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            if (method.isDefault() || method.getParameterCount() > 0 || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String property = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() != null) {
                collect(type, property, settings);
            } else {
                WithDefault fallback = method.getAnnotation(WithDefault.class);
                settings.add(new Setting(property, Optional.ofNullable(fallback).map(WithDefault::value)));
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
