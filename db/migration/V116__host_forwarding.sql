-- Whether a host's engine said it forwards IPv4 packets (Docker's "IPv4Forwarding"): the Hosts page
-- warns, since a workspace network is then sealed only by the engine's iptables rules and the site's
-- firewall (deploy/host-setup.md). Null until the host answers once.
alter table host_health add column ipv4_forwarding boolean;
