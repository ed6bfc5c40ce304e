package partnero.gateway.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every line the application logs while started, as "logger message" plus any stack trace, for tests
 * that assert what operators read. In-process only (a {@code @QuarkusTest}). Around each test of a
 * class, as a JUnit extension: {@code @RegisterExtension final LogCapture logs = new LogCapture();};
 * around a part of one, {@link #start()} and {@link #stop()}.
 */
public final class LogCapture extends Handler implements BeforeEachCallback, AfterEachCallback {

    private record Line(Level level, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public void stop() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.clear();
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    public List<String> lines() {
        return lines.stream().map(Line::text).toList();
    }

    /** The lines logged at {@code level} or above (JBoss Logging's WARN is {@link Level#WARNING}, its ERROR {@link Level#SEVERE}). */
    public List<String> linesAtLeast(Level level) {
        return lines.stream().filter(line -> line.level().intValue() >= level.intValue()).map(Line::text).toList();
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        StringWriter text = new StringWriter().append(record.getLoggerName()).append(' ').append(String.valueOf(message));
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(text));
        }
        lines.add(new Line(record.getLevel(), text.toString()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
