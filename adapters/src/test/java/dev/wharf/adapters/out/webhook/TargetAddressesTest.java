package dev.wharf.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.out.webhook.TargetAddresses.AddressClass;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The table of addresses a delivery may and may not reach. IPv6 forms are built from their 16 bytes, so an IPv4-mapped
 * address stays an IPv6 address here instead of being turned into IPv4 by Java's parser, as a resolver may hand it.
 */
class TargetAddressesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // public
        "93.184.216.34, PUBLIC",
        "8.8.8.8, PUBLIC",
        "1.1.1.1, PUBLIC",
        "172.15.255.255, PUBLIC",
        "172.32.0.0, PUBLIC",
        "100.63.255.255, PUBLIC",
        "100.128.0.0, PUBLIC",
        "198.17.255.255, PUBLIC",
        "198.20.0.0, PUBLIC",
        "192.0.1.1, PUBLIC",
        "223.255.255.255, PUBLIC",
        "2606:4700:4700::1111, PUBLIC",
        "2001:4860:4860::8888, PUBLIC",
        // loopback
        "127.0.0.1, LOOPBACK",
        "127.255.255.254, LOOPBACK",
        "::1, LOOPBACK",
        // private
        "10.0.0.1, PRIVATE",
        "10.255.255.255, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.1, PRIVATE",
        "100.64.0.1, PRIVATE",
        "100.127.255.255, PRIVATE",
        "fc00::1, PRIVATE",
        "fd12:3456:789a::1, PRIVATE",
        "fec0::1, PRIVATE",
        // link-local and metadata
        "169.254.0.1, LINK_LOCAL",
        "169.254.170.2, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "febf::1, LINK_LOCAL",
        "169.254.169.254, METADATA",
        "100.100.100.200, METADATA",
        "fd00:ec2::254, METADATA",
        // multicast and reserved
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "ff02::1, MULTICAST",
        "0.0.0.0, RESERVED",
        "0.1.2.3, RESERVED",
        "192.0.0.170, RESERVED",
        "198.18.0.1, RESERVED",
        "198.19.255.255, RESERVED",
        "240.0.0.1, RESERVED",
        "255.255.255.255, RESERVED",
        "::, RESERVED",
        "100::1, RESERVED",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, RESERVED",
        "64:ff9b:1::a00:1, RESERVED",
        // IPv6 forms that carry an IPv4 address are judged by it
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:10.0.0.1, PRIVATE",
        "::ffff:169.254.169.254, METADATA",
        "::ffff:8.8.8.8, PUBLIC",
        "::127.0.0.1, LOOPBACK",
        "::192.168.0.1, PRIVATE",
        "::ffff:0:127.0.0.1, LOOPBACK",
        "::ffff:0:172.16.0.1, PRIVATE",
        "64:ff9b::127.0.0.1, LOOPBACK",
        "64:ff9b::169.254.169.254, METADATA",
        "64:ff9b::10.0.0.1, PRIVATE",
        "64:ff9b::8.8.8.8, PUBLIC",
        "2002:7f00:1::, LOOPBACK",
        "2002:a9fe:a9fe::1, METADATA",
        "2002:0808:0808::1, PUBLIC",
    })
    void classifies(String address, AddressClass expected) throws UnknownHostException {
        assertThat(TargetAddresses.classify(parse(address))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: loopback allowed {1}, private allowed {2} -> refused as {3}")
    @CsvSource({
        "93.184.216.34, false, false, ",
        "127.0.0.1, false, false, LOOPBACK",
        "127.0.0.1, true, false, ",
        "::ffff:127.0.0.1, true, false, ",
        "::1, false, true, LOOPBACK",
        "10.0.0.1, false, false, PRIVATE",
        "10.0.0.1, true, false, PRIVATE",
        "10.0.0.1, false, true, ",
        "100.64.0.1, false, true, ",
        "fd12::1, false, true, ",
        "64:ff9b::10.0.0.1, false, false, PRIVATE",
        "64:ff9b::10.0.0.1, false, true, ",
        // never, whatever the settings say
        "169.254.169.254, true, true, METADATA",
        "100.100.100.200, true, true, METADATA",
        "fd00:ec2::254, true, true, METADATA",
        "::ffff:169.254.169.254, true, true, METADATA",
        "169.254.1.1, true, true, LINK_LOCAL",
        "fe80::1, true, true, LINK_LOCAL",
        "0.0.0.0, true, true, RESERVED",
        "::, true, true, RESERVED",
        "255.255.255.255, true, true, RESERVED",
        "224.0.0.1, true, true, MULTICAST",
    })
    void refuses(String address, boolean allowLoopback, boolean allowPrivate, AddressClass refusal)
            throws UnknownHostException {
        TargetAddresses policy = new TargetAddresses(allowLoopback, allowPrivate);

        assertThat(policy.refusal(parse(address))).isEqualTo(Optional.ofNullable(refusal));
    }

    /** IPv4 as Java parses it; IPv6 kept as IPv6 even when Java would turn it into IPv4. */
    private static InetAddress parse(String address) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(address);
        if (!address.contains(":")) {
            return parsed;
        }
        byte[] bytes = parsed.getAddress();
        if (bytes.length == 4) { // ::ffff:a.b.c.d, which Java's parser makes IPv4
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        return Inet6Address.getByAddress(null, bytes, -1);
    }
}
