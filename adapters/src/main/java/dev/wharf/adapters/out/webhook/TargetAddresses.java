package dev.wharf.adapters.out.webhook;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses a delivery may connect to. A subscriber chooses the URL, so without this rule anyone who may create
 * a subscription could make Wharf post into its own network: to a database on loopback, a service on a private
 * network, or the cloud's metadata service, which hands out credentials. The sender asks after resolving the name and
 * connects to the address it checked, so a name cannot be re-pointed between the check and the connection.
 *
 * <p>An IPv6 address that carries an IPv4 address (IPv4-mapped, IPv4-compatible, IPv4-translated, NAT64's
 * 64:ff9b::/96, 6to4's 2002::/16) is judged by the IPv4 address it carries, since that is where it may lead.
 */
final class TargetAddresses {
    /** What an address is, as far as the rule cares; the label is what a refusal says, and all it says. */
    enum AddressClass {
        PUBLIC("public"),
        LOOPBACK("loopback"),
        PRIVATE("private"),
        LINK_LOCAL("link-local"),
        METADATA("cloud metadata"),
        MULTICAST("multicast"),
        RESERVED("reserved");

        private final String label;

        AddressClass(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    /**
     * @param allowLoopback let loopback through (a developer's own receiver)
     * @param allowPrivate let private, carrier-grade NAT and unique-local addresses through (a deployment whose
     *     receivers sit on its own network); link-local, metadata, multicast and reserved addresses are always refused
     */
    TargetAddresses(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Why the address may not be reached, or empty when it may. */
    Optional<AddressClass> refusal(InetAddress address) {
        AddressClass kind = classify(address);
        boolean allowed = kind == AddressClass.PUBLIC
                || (kind == AddressClass.LOOPBACK && allowLoopback)
                || (kind == AddressClass.PRIVATE && allowPrivate);
        return allowed ? Optional.empty() : Optional.of(kind);
    }

    static AddressClass classify(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? ipv4(b, 0) : ipv6(b);
    }

    private static AddressClass ipv4(byte[] bytes, int at) {
        int a = bytes[at] & 0xff;
        int b = bytes[at + 1] & 0xff;
        int c = bytes[at + 2] & 0xff;
        int d = bytes[at + 3] & 0xff;
        if (a == 169 && b == 254 && c == 169 && d == 254 || a == 100 && b == 100 && c == 100 && d == 200) {
            return AddressClass.METADATA; // AWS, GCP, Azure, Oracle; Alibaba
        }
        if (a == 127) {
            return AddressClass.LOOPBACK;
        }
        if (a == 10 || a == 172 && (b & 0xf0) == 16 || a == 192 && b == 168 || a == 100 && (b & 0xc0) == 64) {
            return AddressClass.PRIVATE; // RFC 1918, and carrier-grade NAT 100.64.0.0/10
        }
        if (a == 169 && b == 254) {
            return AddressClass.LINK_LOCAL;
        }
        if (a >= 224 && a < 240) {
            return AddressClass.MULTICAST;
        }
        if (a == 0 || a >= 240 || a == 192 && b == 0 && c == 0 || a == 198 && (b & 0xfe) == 18) {
            return AddressClass.RESERVED; // this network, 240/4 and broadcast, IETF protocol assignments, benchmarking
        }
        return AddressClass.PUBLIC;
    }

    private static AddressClass ipv6(byte[] b) {
        if (zeros(b, 0, 15) && (b[15] == 0 || b[15] == 1)) {
            return b[15] == 0 ? AddressClass.RESERVED : AddressClass.LOOPBACK; // :: and ::1
        }
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || zeros(b, 0, 12)) {
            return ipv4(b, 12); // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible)
        }
        if (zeros(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zeros(b, 10, 12)) {
            return ipv4(b, 12); // ::ffff:0:a.b.c.d (translated)
        }
        int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (first == 0x64 && second == 0xff9b) {
            // 64:ff9b::/96 is NAT64 to any IPv4 address; 64:ff9b:1::/48 is for local use
            return zeros(b, 4, 12) ? ipv4(b, 12) : AddressClass.RESERVED;
        }
        if (first == 0x2002) {
            return ipv4(b, 2); // 6to4
        }
        if (first == 0x2001 && second == 0 || first == 0x100 && zeros(b, 2, 8)) {
            return AddressClass.RESERVED; // Teredo (its IPv4 address is obfuscated), discard-only 100::/64
        }
        if (first == 0xfd00 && second == 0x0ec2 && zeros(b, 4, 14) && (b[14] & 0xff) == 0x02 && b[15] == 0x54) {
            return AddressClass.METADATA; // fd00:ec2::254, AWS's over IPv6
        }
        if ((first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfec0) {
            return AddressClass.PRIVATE; // unique-local fc00::/7, the deprecated site-local fec0::/10
        }
        if ((first & 0xffc0) == 0xfe80) {
            return AddressClass.LINK_LOCAL;
        }
        if ((first & 0xff00) == 0xff00) {
            return AddressClass.MULTICAST;
        }
        return AddressClass.PUBLIC;
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
