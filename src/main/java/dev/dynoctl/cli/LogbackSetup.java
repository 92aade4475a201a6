package dev.dynoctl.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration in code (found through ServiceLoader): root at WARN, messages to stderr. Parsing a
 * logback.xml costs about a tenth of a second of start-up (an XML parser and Joran); dynoctl needs none. Levels are
 * raised from -v at run time by {@link Logging}.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        StderrOnFirstMessage stderr = new StderrOnFirstMessage();
        stderr.setContext(context);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Builds the console appender and its pattern layout on the first message: most runs log nothing, and the layout
     * (its converters, date formatting) costs some 100 classes and 5 ms at start-up.
     */
    private static final class StderrOnFirstMessage extends AppenderBase<ILoggingEvent> {
        private ConsoleAppender<ILoggingEvent> console;

        @Override
        protected void append(ILoggingEvent event) {
            if (console == null) {
                console = console(getContext());
            }
            console.doAppend(event);
        }

        private static ConsoleAppender<ILoggingEvent> console(Context context) {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
            encoder.start();
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(context);
            console.setName("stderr");
            console.setTarget("System.err");
            console.setEncoder(encoder);
            console.start();
            return console;
        }
    }
}
