package dev.wharf.adapters.in.rest.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
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
 */
public final class JsonErrorHandler extends ErrorHandler {
    static final String INTERNAL = "An internal error occurred";
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
        byte[] body = JSON.writeValueAsBytes(new ErrorBody(describe(status, message)));
        response.setStatus(answered);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
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
