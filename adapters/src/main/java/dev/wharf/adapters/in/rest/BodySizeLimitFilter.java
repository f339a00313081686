package dev.wharf.adapters.in.rest;

import dev.wharf.adapters.in.rest.errors.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over {@value #MAX_BYTES} bytes with 413, before they are read when the length is declared,
 * and as soon as the limit is crossed when it is not (chunked bodies).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodySizeLimitFilter implements ContainerRequestFilter {
    public static final int MAX_BYTES = 64 * 1024;
    public static final String TOO_LARGE = "Request body is larger than 64 KiB";

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > MAX_BYTES) {
                    request.abortWith(ErrorBody.response(413, TOO_LARGE));
                    return;
                }
            } catch (NumberFormatException e) {
                request.abortWith(ErrorBody.response(400, "Invalid Content-Length"));
                return;
            }
        }
        request.setEntityStream(new Limited(request.getEntityStream()));
    }

    /** Thrown when a body without a declared length grows past the limit; mapped to 413. */
    public static final class TooLargeException extends IOException {
        TooLargeException() {
            super(TOO_LARGE);
        }
    }

    private static final class Limited extends FilterInputStream {
        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws IOException {
            count += n;
            if (count > MAX_BYTES) {
                throw new TooLargeException();
            }
        }
    }
}
