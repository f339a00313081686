package dev.wharf.adapters.out.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A subscription's URL, checked and taken apart for a request written by hand: http or https (https only when the
 * settings require it), a host, no user information (a password in a URL ends up in logs and screens), a port from 1
 * to 65535. The fragment is dropped, as a browser does; the path and query are sent in their ASCII form.
 *
 * @param host the bare host, without the brackets of an IPv6 literal
 */
record WebhookTarget(boolean https, String host, int port, String pathAndQuery) {

    static WebhookTarget parse(String url, boolean requireHttps) throws DeliveryFailure {
        URI uri;
        try {
            uri = new URI(new URI(url).toASCIIString());
        } catch (URISyntaxException | NullPointerException e) {
            throw DeliveryFailure.refused("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw DeliveryFailure.refused("only http and https URLs are allowed");
        }
        if (requireHttps && !scheme.equals("https")) {
            throw DeliveryFailure.refused("https required");
        }
        if (uri.getRawUserInfo() != null) {
            throw DeliveryFailure.refused("a URL with user information");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw DeliveryFailure.refused("a URL without a valid host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw DeliveryFailure.refused("port out of range");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new WebhookTarget(https, host, port, path + query);
    }

    /** The Host header: the port only when it is not the scheme's own, an IPv6 literal in brackets. */
    String hostHeader() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return port == (https ? 443 : 80) ? name : name + ":" + port;
    }

    /** Whether the host is an IP address rather than a name (no SNI then, and nothing to look up). */
    boolean hostIsAddress() {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
