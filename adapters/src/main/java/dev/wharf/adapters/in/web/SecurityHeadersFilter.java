package dev.wharf.adapters.in.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The headers that keep the console (and every other answer of the API port) from being framed, sniffed or made to
 * run anything but its own files: scripts, styles, images and calls come from Wharf itself; no inline script or style,
 * no eval, no frames, no forms posted elsewhere, no referrer. Trusted Types with no policy make the browser refuse every
 * HTML sink ({@code innerHTML} and its kind) at run time, so a name a tenant chose can only ever become text, even if a
 * script were one day to try otherwise.
 */
public final class SecurityHeadersFilter implements ContainerResponseFilter {
    public static final String POLICY = String.join(
            "; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        headers.putSingle("Cross-Origin-Resource-Policy", "same-origin");
    }
}
