package partnero.gateway.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The values the gateway writes in Redis beside the persisted documents (which are their text):
 * <ul>
 * <li>a data-cache entry: the format byte {@value #FORMAT}, when Partnero's answer was fetched (epoch
 * milliseconds, 8 bytes, big-endian), then the answer as JSON;</li>
 * <li>a whole GraphQL answer: the format byte, when it expires (epoch milliseconds, 8 bytes), the
 * operation name's length (4 bytes; 0 for none) and its UTF-8 bytes, then the answer's body.</li>
 * </ul>
 * Replicas of two versions read each other's entries: {@code SharedEntriesTest} pins both formats
 * against the bytes in {@code contracts/}; an entry that does not read is the caller's miss.
 */
public final class SharedEntries {

    public static final byte FORMAT = 1;

    private SharedEntries() {
    }

    /** A data-cache entry read back: when it was fetched, and where its JSON starts in the bytes. */
    public record DataEntry(long fetchedAtMillis, int jsonOffset) {
    }

    /** A whole answer read back. */
    public record AnswerEntry(long expiresAtMillis, String operationName, byte[] body) {
    }

    public static byte[] data(long fetchedAtMillis, byte[] json) {
        return ByteBuffer.allocate(9 + json.length).put(FORMAT).putLong(fetchedAtMillis).put(json).array();
    }

    /** @throws IllegalArgumentException when {@code bytes} is no data-cache entry of this format */
    public static DataEntry readData(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < 10 || buffer.get() != FORMAT) {
            throw new IllegalArgumentException("not an entry of format " + FORMAT);
        }
        return new DataEntry(buffer.getLong(), 9);
    }

    public static byte[] answer(long expiresAtMillis, String operationName, byte[] body) {
        byte[] name = operationName == null ? new byte[0] : operationName.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 8 + 4 + name.length + body.length).put(FORMAT).putLong(expiresAtMillis)
                .putInt(name.length).put(name).put(body).array();
    }

    /** @throws IllegalArgumentException when {@code bytes} is no answer of this format */
    public static AnswerEntry readAnswer(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < 13 || buffer.get() != FORMAT) {
            throw new IllegalArgumentException("not an answer of format " + FORMAT);
        }
        long expiresAt = buffer.getLong();
        int nameLength = buffer.getInt();
        if (nameLength < 0 || nameLength > buffer.remaining() - 2) {
            throw new IllegalArgumentException("an operation name longer than the entry");
        }
        byte[] name = new byte[nameLength];
        buffer.get(name);
        byte[] body = new byte[buffer.remaining()];
        buffer.get(body);
        if (body[0] != '{' || body[body.length - 1] != '}') {
            throw new IllegalArgumentException("a body that is not a JSON object");
        }
        return new AnswerEntry(expiresAt, nameLength == 0 ? null : new String(name, StandardCharsets.UTF_8), body);
    }
}
