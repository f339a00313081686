package dev.wharf.adapters.in.rest.errors;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wharf.domain.shared.BackendUnavailableException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;
import org.eclipse.jetty.io.EofException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

class UnexpectedExceptionMapperTest {
    private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();
    private final Logger logger = (Logger) LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aBodyThatEndedEarlyIs400WithOneInfoLineAndNoStackTrace() {
        Response answer = mapper.toResponse(new ProcessingException(new IOException(new EofException("early EOF"))));

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(((ErrorBody) answer.getEntity()).error()).isEqualTo(UnexpectedExceptionMapper.BODY_ENDED_EARLY);
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void anythingElseIs500WithAnIdLoggedAsAnErrorWithItsTrace() {
        Response answer = mapper.toResponse(new IllegalStateException("SELECT secret FROM somewhere"));

        assertThat(answer.getStatus()).isEqualTo(500);
        String error = ((ErrorBody) answer.getEntity()).error();
        assertThat(error).startsWith("An internal error occurred (error id ").doesNotContain("SELECT");
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy()).isNotNull();
            assertThat(event.getFormattedMessage())
                    .contains(error.substring(error.indexOf("id ") + 3, error.length() - 1));
        });
    }

    @Test
    void theSameFaultOnEveryRequestIsLoggedOnceAMinuteAndEveryAnswerNamesTheLoggedLine() {
        java.util.Set<String> answered = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            Response answer = mapper.toResponse(new IllegalStateException("request " + i)); // one place: one fault
            answered.add(((ErrorBody) answer.getEntity()).error());
        }

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getThrowableProxy()).as("a fault's first trace").isNotNull();
            assertThat(answered)
                    .singleElement()
                    .satisfies(error -> assertThat(event.getFormattedMessage())
                            .contains(error.substring(error.indexOf("id ") + 3, error.length() - 1)));
        });
    }

    @Test
    void aFaultIsItsClassAndThePlaceItWasThrown() {
        String here = UnexpectedExceptionMapper.fault(new IllegalStateException("a"));
        String there = UnexpectedExceptionMapper.fault(new IllegalStateException("b"));

        assertThat(here)
                .startsWith("java.lang.IllegalStateException at " + getClass().getName() + ".");
        assertThat(here).isNotEqualTo(there);
    }

    @Test
    void aLostDatabaseConnectionIsAnOutageNotTheClientsMistake() {
        SQLException driver = new SQLException("An I/O error occurred while sending to the backend", "08006");
        driver.initCause(new EOFException());
        Throwable[] outages = {
            new UnableToExecuteStatementException(driver, null),
            new ProcessingException(driver),
            new IllegalStateException(new EOFException("a plain EOF is not Jetty's")),
            new BackendUnavailableException(
                    BackendUnavailableException.Reason.UNREACHABLE, "engine gone", new EofException("engine's socket"))
        };
        for (Throwable outage : outages) {
            logged.list.clear();
            assertThat(mapper.toResponse(outage).getStatus())
                    .as(outage.toString())
                    .isEqualTo(500);
            assertThat(logged.list)
                    .singleElement()
                    .extracting(ILoggingEvent::getLevel)
                    .isEqualTo(Level.ERROR);
        }
    }

    @Test
    @Timeout(10)
    void aCauseChainThatLoopsIsNotFollowedForever() {
        IOException first = new IOException("first");
        IOException second = new IOException("second", first);
        first.initCause(second);

        assertThat(mapper.toResponse(first).getStatus()).isEqualTo(500);
    }
}
