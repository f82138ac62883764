package io.budget4j.internal.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the logging of the libraries shaded into the agent jar (Jedis logs through SLF4J) to
 * {@link System.Logger}, where budget4j's own logging goes. In the agent jar this class and SLF4J
 * are relocated together, so it serves only the shaded copy and never the application's SLF4J;
 * without it the shaded SLF4J would print a "no providers" warning on the application's stderr.
 */
public final class Slf4jToSystemLogger implements SLF4JServiceProvider, ILoggerFactory {
    private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return this;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: loggers are made on demand.
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, Adapter::new);
    }

    private static final class Adapter extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient System.Logger target;

        /**
         * Jedis's JedisMetaInfo reads Jedis's version through its class loader, which is null
         * when the agent jar is on the boot class path, and logs that at ERROR. The version only
         * serves CLIENT SETINFO, which budget4j turns off: its messages are debug detail.
         */
        private final transient boolean demoted;

        Adapter(String name) {
            this.name = name;
            this.target = System.getLogger(name);
            this.demoted = name.endsWith(".JedisMetaInfo");
        }

        @Override
        public boolean isTraceEnabled() {
            return target.isLoggable(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return target.isLoggable(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return target.isLoggable(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return target.isLoggable(Level.WARNING);
        }

        @Override
        public boolean isErrorEnabled() {
            return target.isLoggable(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String pattern,
                Object[] arguments, Throwable throwable) {
            Level to = demoted ? Level.DEBUG : level(level);
            if (target.isLoggable(to)) {
                target.log(to, MessageFormatter.basicArrayFormat(pattern, arguments), throwable);
            }
        }

        private static Level level(org.slf4j.event.Level level) {
            switch (level) {
                case ERROR:
                    return Level.ERROR;
                case WARN:
                    return Level.WARNING;
                case INFO:
                    return Level.INFO;
                case DEBUG:
                    return Level.DEBUG;
                default:
                    return Level.TRACE;
            }
        }
    }
}
