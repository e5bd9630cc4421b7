package io.dossierpulse.view;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jgroups.Address;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.dns.DNSResolver;
import org.jgroups.protocols.dns.DNS_PING;
import org.jgroups.stack.IpAddress;

/**
 * DNS_PING resolving A records with the system's resolver. JGroups' own resolver goes through JNDI,
 * which Quarkus disables (JNDI lookups are an injection risk); a Kubernetes headless service is an
 * ordinary name the system resolves.
 */
public class SystemDnsPing extends DNS_PING {

    static {
        ClassConfigurator.addProtocol((short) 1_100, SystemDnsPing.class);
    }

    @Override
    public void init() throws Exception {
        dns_resolver = (query, type) -> {
            if (type != DNSResolver.DNSRecordType.A) {
                return List.of();
            }
            List<Address> found = new ArrayList<>();
            try {
                for (InetAddress a : InetAddress.getAllByName(query)) {
                    found.add(new IpAddress(a, 0));
                }
            } catch (UnknownHostException notYet) {
                // no member published yet: none found this round
            }
            return found;
        };
        super.init();
    }
}
