package dev.wharf.adapters.in.rest.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals, made before a request reaches Jersey (a request target Jetty will not route: an encoded slash or
 * dot segment, an empty segment, bad percent-encoding or UTF-8, a control character; a URI or headers too long), as the
 * API's {@code {"error": "…"}} in JSON for every method, instead of Jetty's HTML page (or, for methods other than GET,
 * POST and HEAD, no body at all). Jetty's reason is kept when it is a short plain phrase; a 5xx says nothing more.
 *
 * <p>A 503 is Jetty's refusal of a request that arrives on an open connection while the server stops (its graceful
 * shutdown): it says so, asks the client to retry after {@value #RETRY_AFTER_SECONDS} s (the request has done nothing)
 * and closes the connection, so that the retry opens a new one, to another instance.
 */
public final class JsonErrorHandler extends ErrorHandler {
    static final String INTERNAL = "An internal error occurred";
    static final String SHUTTING_DOWN = "Wharf is shutting down; retry the request";
    static final String UNAVAILABLE = "Service unavailable; retry the request";
    static final int RETRY_AFTER_SECONDS = 5;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 ,.'()/:-]{1,100}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback)
            throws JsonProcessingException {
        int answered = status(status);
        boolean unavailable = answered == HttpStatus.SERVICE_UNAVAILABLE_503;
        String error = unavailable ? unavailable(stopping(request)) : describe(status, message);
        byte[] body = JSON.writeValueAsBytes(new ErrorBody(error));
        response.setStatus(answered);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (unavailable) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * The status answered: Jetty's, except that a request line without a supported HTTP version (an HTTP/0.9 line, as
     * a raw line feed in the target makes one) is the client's mistake, 400, not Jetty's 505.
     */
    static int status(int status) {
        return status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ? HttpStatus.BAD_REQUEST_400 : status;
    }

    private static boolean stopping(Request request) {
        return request.getConnectionMetaData().getConnector().getServer().isStopping();
    }

    /** The words of a 503: why, when the server is stopping (its graceful shutdown refuses new requests). */
    static String unavailable(boolean stopping) {
        return stopping ? SHUTTING_DOWN : UNAVAILABLE;
    }

    /** The words of the answer: Jetty's reason if it is plain, else the status's standard phrase. */
    static String describe(int status, String message) {
        if (status >= 500 && status != HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            return INTERNAL;
        }
        if (message != null && PLAIN.matcher(message).matches()) {
            return message;
        }
        String phrase = HttpStatus.getMessage(status);
        return phrase == null ? "Request refused" : phrase;
    }
}
