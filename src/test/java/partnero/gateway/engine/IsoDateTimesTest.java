package partnero.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.transformation.DateTransformer;
import partnero.gateway.codec.IsoDateTimes;

/**
 * The plans' {@code DateTime} writer gives SmallRye's bytes: those of its {@code DateTransformer} for an
 * {@code OffsetDateTime} field without a format, which is {@code ISO_OFFSET_DATE_TIME}.
 */
class IsoDateTimesTest {

    private static final DateTransformer SMALLRYE = new DateTransformer(offsetDateTimeField());

    @Test
    void edgesAreWrittenAsSmallRyeWritesThem() {
        List<OffsetDateTime> edges = List.of(
                OffsetDateTime.of(2025, 5, 2, 16, 12, 39, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 500_000_000, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 1, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 120_000, ZoneOffset.ofHoursMinutes(5, 30)),
                OffsetDateTime.of(1, 2, 3, 4, 5, 6, 0, ZoneOffset.ofHoursMinutes(-9, -45)),
                OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.ofTotalSeconds(-30)),
                OffsetDateTime.of(-42, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.MAX),
                OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.MIN),
                OffsetDateTime.MAX, OffsetDateTime.MIN);
        for (OffsetDateTime edge : edges) {
            assertEquals(SMALLRYE.out(edge), IsoDateTimes.format(edge), edge::toString);
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(edge), IsoDateTimes.format(edge), edge::toString);
        }
    }

    @Test
    void generatedValuesAreWrittenAsSmallRyeWritesThem() {
        Random random = new Random(14);
        List<OffsetDateTime> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            int seconds = random.nextInt(2 * 18 * 3600 + 1) - 18 * 3600; // any offset, or a whole quarter of an hour
            ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(random.nextBoolean() ? seconds : seconds / 900 * 900);
            values.add(OffsetDateTime.of(random.nextInt(12_000) - 1000, 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), nano, offset));
        }
        for (OffsetDateTime value : values) {
            assertEquals(SMALLRYE.out(value), IsoDateTimes.format(value), value::toString);
        }
    }

    private static Field offsetDateTimeField() {
        Reference reference = new Reference();
        reference.setClassName(OffsetDateTime.class.getName());
        Field field = new Field();
        field.setReference(reference);
        return field;
    }
}
