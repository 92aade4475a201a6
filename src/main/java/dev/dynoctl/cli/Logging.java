package dev.dynoctl.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Sets log levels from -v: none WARN, -v INFO, -vv DEBUG (AWS SDK requests included). Logs go to stderr. */
final class Logging {
    /** Signers log canonical requests at DEBUG, which carry the session token: never below INFO. */
    private static final String[] SECRET_BEARING = {"software.amazon.awssdk.auth", "software.amazon.awssdk.http.auth"};

    private Logging() {
    }

    static void configure(int verbosity) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Level level = verbosity <= 0 ? Level.WARN : verbosity == 1 ? Level.INFO : Level.DEBUG;
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(level);
        for (String name : SECRET_BEARING) {
            Logger logger = context.getLogger(name);
            logger.setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
        }
    }
}
