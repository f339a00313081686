package dev.wharf.adapters.out.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a target's host into the addresses the sender checks and then connects to. The system's resolver in
 * production; a test points a name at the address it wants, which is how the address policy is tested without DNS.
 */
@FunctionalInterface
public interface NameResolver {
    /** The operating system's resolver (an IP literal is parsed, not looked up). */
    NameResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Every address the host resolves to; throws {@link UnknownHostException} when there is none. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
