package dev.supportbot.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.supportbot.config.SupportbotConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.slf4j.LoggerFactory;

/**
 * Where log lines go and in what shape, set up in code on logback: one line per event, as text or as JSON lines
 * (logstash-logback-encoder: {@code @timestamp}, {@code level}, {@code logger_name}, {@code thread_name},
 * {@code message}, a stack trace as one field, and the event's SLF4J key-value pairs such as {@code ticket_id} and
 * {@code thread_ts} as fields of their own). Until {@link #configure} runs, {@link Default} (named in
 * META-INF/services) writes text at info to standard error, so that commands such as {@code triage --jsonl} keep
 * standard output for their answers. {@link #configure} replaces logback's whole set-up, process-wide: call it
 * from one thread, before work starts. No state of its own.
 */
public final class LogOutput {
    /** The line slf4j-simple wrote before logback, kept so that text logs read as they always did. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} [%thread] %level %logger - %msg%n";
    /** What every command logs until {@link #configure} runs, on standard error. */
    static final SupportbotConfig.Logging DEFAULT = new SupportbotConfig.Logging(SupportbotConfig.LogLevel.INFO,
            SupportbotConfig.LogFormat.TEXT);
    /** logstash-logback-encoder's field name for "leave this field out". */
    private static final String IGNORE = "[ignore]";

    private LogOutput() {
    }

    /** Sends every log line at {@code logging.level()} or above to {@code out}, in {@code logging.format()}. */
    public static void configure(SupportbotConfig.Logging logging, OutputStream out) {
        configure((LoggerContext) LoggerFactory.getILoggerFactory(), logging, out);
    }

    private static void configure(LoggerContext context, SupportbotConfig.Logging logging, OutputStream out) {
        context.reset();
        Encoder<ILoggingEvent> encoder = switch (logging.format()) {
            case TEXT -> text(context);
            case JSON -> json(context);
        };
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName(logging.format().name().toLowerCase(Locale.ROOT));
        appender.setEncoder(encoder);
        appender.setOutputStream(new KeptOpen(out));
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(logging.level().name()));
        root.addAppender(appender);
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setTimeZone("UTC");
        encoder.setIncludeContext(false); // logback's context properties: nothing an operator reads
        LogstashFieldNames names = encoder.getFieldNames(); // @version and the numeric level say nothing more
        names.setVersion(IGNORE);
        names.setLevelValue(IGNORE);
        encoder.start();
        return encoder;
    }

    /** Logback's set-up when the process starts: text at info on standard error. Found by logback's service
     * loader; public for it. */
    public static final class Default extends ContextAwareBase implements Configurator {
        @Override
        public ExecutionStatus configure(LoggerContext context) {
            LogOutput.configure(context, DEFAULT, System.err);
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
    }

    /** The appender closes its stream when logback is set up again; standard output must stay open. */
    private static final class KeptOpen extends OutputStream {
        private final OutputStream out;

        KeptOpen(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
