package dev.wharf.adapters.in.rest.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonErrorHandlerTest {

    @Test
    void jettysPlainReasonIsKept() {
        assertThat(JsonErrorHandler.describe(400, "Ambiguous URI path separator"))
                .isEqualTo("Ambiguous URI path separator");
    }

    @Test
    void aReasonThatIsNotPlainOrMissingBecomesTheStandardPhrase() {
        assertThat(JsonErrorHandler.describe(400, "<b>bad</b>")).isEqualTo("Bad Request");
        assertThat(JsonErrorHandler.describe(431, null)).isEqualTo("Request Header Fields Too Large");
        assertThat(JsonErrorHandler.describe(400, "x".repeat(101))).isEqualTo("Bad Request");
    }

    @Test
    void aServerErrorSaysNothingMore() {
        assertThat(JsonErrorHandler.describe(500, "java.lang.IllegalStateException: boom"))
                .isEqualTo(JsonErrorHandler.INTERNAL);
    }

    @Test
    void aRequestLineWithoutASupportedVersionIsTheClientsMistake() {
        assertThat(JsonErrorHandler.status(505)).isEqualTo(400);
        assertThat(JsonErrorHandler.describe(505, null)).isEqualTo("HTTP Version Not Supported");
        assertThat(JsonErrorHandler.status(431)).isEqualTo(431);
    }

    @Test
    void aRefusalWhileTheServerStopsSaysSoAndOtherwiseAsksForARetry() {
        assertThat(JsonErrorHandler.unavailable(true)).isEqualTo("Wharf is shutting down; retry the request");
        assertThat(JsonErrorHandler.unavailable(false)).isEqualTo("Service unavailable; retry the request");
    }

    @Test
    void everyMethodGetsABody() {
        assertThat(new JsonErrorHandler().errorPageForMethod("PATCH")).isTrue();
        assertThat(new JsonErrorHandler().errorPageForMethod("DELETE")).isTrue();
    }
}
