package org.workspaceportal.host;

import jakarta.validation.Validator;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.EngineInfo;
import org.workspaceportal.compute.InvalidEndpointException;
import org.workspaceportal.compute.TlsMaterial;
import org.workspaceportal.host.DockerHost.EncryptedTls;
import org.workspaceportal.host.HostEvents.HostChanged;
import org.workspaceportal.host.HostEvents.HostStatusChanged;
import org.workspaceportal.host.HostLeaseRepository.Usage;
import org.workspaceportal.secrets.SecretCipher;

/**
 * The Docker hosts workspaces run on: registration, edits, drain, removal, and asking each engine
 * whether it answers. Engines are contacted outside any transaction; what they answer is recorded
 * in a short one afterwards.
 */
@Service
public class HostService {

  private static final Logger log = LoggerFactory.getLogger(HostService.class);

  private final DockerHostRepository hosts;
  private final HostHealthRepository health;
  private final HostLeaseRepository leases;
  private final CapacityService capacity;
  private final ContainerEngine engines;
  private final SecretCipher cipher;
  private final ApplicationEventPublisher events;
  private final HostProperties properties;
  private final TransactionTemplate tx;
  private final Validator validator;
  private final Clock clock;

  HostService(
      DockerHostRepository hosts,
      HostHealthRepository health,
      HostLeaseRepository leases,
      CapacityService capacity,
      ContainerEngine engines,
      SecretCipher cipher,
      ApplicationEventPublisher events,
      HostProperties properties,
      TransactionTemplate tx,
      Validator validator,
      Clock clock) {
    this.hosts = hosts;
    this.health = health;
    this.leases = leases;
    this.capacity = capacity;
    this.engines = engines;
    this.cipher = cipher;
    this.events = events;
    this.properties = properties;
    this.tx = tx;
    this.validator = validator;
    this.clock = clock;
  }

  public List<HostView> list() {
    return tx.execute(
        status -> {
          Map<UUID, Usage> usage = usageByHost();
          Map<UUID, HostHealth> seen =
              health.findAll().stream()
                  .collect(Collectors.toMap(HostHealth::hostId, Function.identity()));
          Map<UUID, Integer> spares = capacity.sparesByHost();
          return hosts.findAllByOrderByNameAsc().stream()
              .map(
                  h -> view(h, seen.get(h.id()), usage.get(h.id()), spares.getOrDefault(h.id(), 0)))
              .toList();
        });
  }

  public HostView get(UUID id) {
    return tx.execute(
        status ->
            view(
                load(id),
                health.findById(id).orElse(null),
                usageByHost().get(id),
                capacity.sparesByHost().getOrDefault(id, 0)));
  }

  /** Registers a host and asks its engine at once, so the admin sees UP or why not. */
  public HostView register(HostRegistration registration, String actor) {
    Settings settings = settings(registration, null);
    UUID id;
    try {
      id =
          tx.execute(
              status -> {
                if (hosts.existsByName(registration.name())) {
                  throw HostConflictException.nameTaken(registration.name());
                }
                DockerHost host = new DockerHost(registration.name(), clock.instant());
                settings.applyTo(host, clock);
                hosts.saveAndFlush(host);
                health.save(new HostHealth(host.id()));
                events.publishEvent(
                    new HostChanged(host.name(), "registered", actor, settings.endpoint()));
                return host.id();
              });
    } catch (DataIntegrityViolationException e) {
      throw HostConflictException.nameTaken(registration.name()); // lost a race for the name
    }
    return check(id);
  }

  /** Changes a host's settings; blank TLS fields keep the stored material. */
  public HostView update(UUID id, HostRegistration registration, String actor) {
    EngineEndpoint before = endpointOf(id);
    tx.executeWithoutResult(
        status -> {
          DockerHost host = load(id);
          if (!host.name().equals(registration.name())) {
            throw new InvalidHostException("name", "a host's name cannot be changed");
          }
          settings(registration, host.tls()).applyTo(host, clock);
          events.publishEvent(new HostChanged(host.name(), "updated", actor, host.endpoint()));
        });
    engines.forget(before);
    return check(id);
  }

  /** A drained host gets no new workspaces; those on it keep running. */
  public HostView setDrained(UUID id, boolean drained, String actor) {
    tx.executeWithoutResult(
        status -> {
          DockerHost host = load(id);
          if (host.drained() != drained) {
            host.setDrained(drained, clock.instant());
            events.publishEvent(
                new HostChanged(host.name(), drained ? "drained" : "undrained", actor, null));
          }
        });
    return get(id);
  }

  /** Removes a host that runs no workspace; refused (409) while any holds capacity there. */
  public void remove(UUID id, String actor) {
    EngineEndpoint endpoint =
        tx.execute(
            status -> {
              DockerHost host = load(id);
              Usage held = usageByHost().get(id);
              if (held != null) {
                throw HostConflictException.inUse(
                    host.name(), held.workspaces(), held.poolClusters());
              }
              EngineEndpoint e = endpoint(host);
              // what a moved cluster left behind there is gone with the host
              capacity.forgetLeftBehind(id);
              hosts.delete(host);
              events.publishEvent(new HostChanged(host.name(), "removed", actor, host.endpoint()));
              return e;
            });
    engines.forget(endpoint);
  }

  /** Asks one host's engine whether it answers and records what it said. */
  public HostView check(UUID id) {
    EngineEndpoint endpoint = endpointOf(id);
    EngineInfo info = null;
    String error = null;
    try {
      info = engines.describe(endpoint);
    } catch (ComputeException e) {
      error = e.getMessage();
    }
    EngineInfo answered = info;
    String failure = error;
    try {
      tx.executeWithoutResult(status -> record(id, answered, failure));
    } catch (OptimisticLockingFailureException e) {
      // removed while its engine was asked: nothing to record
      log.debug("Host {} changed during its check: {}", id, e.getMessage());
    }
    return get(id);
  }

  private void record(UUID id, EngineInfo answered, String failure) {
    DockerHost host = hosts.findById(id).orElse(null);
    if (host == null) {
      return; // removed meanwhile
    }
    HostHealth seen = health.findById(id).orElseGet(() -> new HostHealth(id));
    HostStatus before = seen.status();
    if (answered != null) {
      seen.answered(answered, clock.instant());
    } else {
      seen.didNotAnswer(failure, properties.downAfter(), clock.instant());
    }
    health.save(seen);
    if (seen.status() != before) {
      events.publishEvent(
          new HostStatusChanged(host.name(), before, seen.status(), seen.lastError()));
    }
  }

  /** Every registered host's id, for the health check. */
  List<UUID> ids() {
    return tx.execute(status -> hosts.findAll().stream().map(DockerHost::id).toList());
  }

  /** How to reach a host's engine, TLS material decrypted (for the compute port only). */
  public EngineEndpoint endpointOf(UUID id) {
    return tx.execute(status -> endpoint(load(id)));
  }

  private EngineEndpoint endpoint(DockerHost host) {
    EncryptedTls tls = host.tls();
    return new EngineEndpoint(
        URI.create(host.endpoint()),
        tls == null
            ? null
            : new TlsMaterial(
                cipher.decrypt(tls.ca()),
                cipher.decrypt(tls.certificate()),
                cipher.decrypt(tls.privateKey())));
  }

  private DockerHost load(UUID id) {
    return hosts.findById(id).orElseThrow(() -> new NotFoundException("Host"));
  }

  private Map<UUID, Usage> usageByHost() {
    return leases.usageByHost().stream()
        .collect(Collectors.toMap(Usage::hostId, Function.identity()));
  }

  /** A registration checked and turned into what is stored. */
  private record Settings(
      String endpoint,
      String address,
      String labels,
      Integer cpus,
      Integer memoryMb,
      int portRangeStart,
      int portRangeEnd,
      EncryptedTls tls) {

    void applyTo(DockerHost host, Clock clock) {
      host.configure(
          endpoint,
          address,
          labels,
          cpus,
          memoryMb,
          portRangeStart,
          portRangeEnd,
          tls,
          clock.instant());
    }
  }

  private Settings settings(HostRegistration r, EncryptedTls stored) {
    List<InvalidHostException.FieldError> violations =
        validator.validate(r).stream()
            .map(
                v ->
                    new InvalidHostException.FieldError(
                        fieldOf(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(InvalidHostException.FieldError::field))
            .toList();
    if (!violations.isEmpty()) {
      throw new InvalidHostException(violations);
    }
    URI uri = parse(r.endpoint().strip());
    boolean tcp = "tcp".equals(uri.getScheme());
    TlsMaterial tls = tcp ? tlsMaterial(r, stored) : null;
    if (!tcp && r.hasTls()) {
      throw new InvalidHostException(
          "endpoint", "TLS is for tcp:// endpoints; a unix socket takes no certificates");
    }
    EngineEndpoint endpoint = new EngineEndpoint(uri, tls);
    try {
      engines.validate(endpoint);
    } catch (InvalidEndpointException e) {
      throw new InvalidHostException(e.field(), e.getMessage());
    }
    if (tcp && tls == null && !isLoopback(uri.getHost())) {
      throw new InvalidHostException(
          "tlsCa",
          "a tcp:// engine off this machine needs TLS: give its CA, a client certificate and its"
              + " key");
    }
    int start =
        r.portRangeStart() != null ? r.portRangeStart() : properties.defaultPortRangeStart();
    int end = r.portRangeEnd() != null ? r.portRangeEnd() : properties.defaultPortRangeEnd();
    if (end < start) {
      throw new InvalidHostException("portRangeEnd", "must not be below the first port");
    }
    String address =
        HostRegistration.notBlank(r.address())
            ? r.address().strip()
            : tcp ? uri.getHost() : "127.0.0.1";
    return new Settings(
        uri.toString(),
        address,
        String.join(",", r.labels()),
        r.cpus(),
        r.memoryMb(),
        start,
        end,
        tls == null ? null : encrypt(tls, r, stored));
  }

  /** {@code labels[2].<list element>} is the field {@code labels}. */
  private static String fieldOf(String path) {
    int cut = path.indexOf('[');
    int dot = path.indexOf('.');
    int end = cut < 0 ? dot : dot < 0 ? cut : Math.min(cut, dot);
    return end < 0 ? path : path.substring(0, end);
  }

  private static URI parse(String endpoint) {
    try {
      return new URI(endpoint);
    } catch (URISyntaxException e) {
      throw new InvalidHostException(
          "endpoint", "must be unix:///path/to/docker.sock or tcp://host:port");
    }
  }

  /** The TLS material given, or on an edit the stored one when none is given. */
  private TlsMaterial tlsMaterial(HostRegistration r, EncryptedTls stored) {
    if (!r.hasTls()) {
      return stored == null
          ? null
          : new TlsMaterial(
              cipher.decrypt(stored.ca()),
              cipher.decrypt(stored.certificate()),
              cipher.decrypt(stored.privateKey()));
    }
    for (String[] part :
        List.of(
            new String[] {"tlsCa", r.tlsCa(), "the CA certificate"},
            new String[] {"tlsCert", r.tlsCert(), "the client certificate"},
            new String[] {"tlsKey", r.tlsKey(), "the client key"})) {
      if (!HostRegistration.notBlank(part[1])) {
        throw new InvalidHostException(
            part[0],
            "TLS needs the CA, the client certificate and its key: " + part[2] + " is missing");
      }
    }
    return new TlsMaterial(r.tlsCa().strip(), r.tlsCert().strip(), r.tlsKey().strip());
  }

  private EncryptedTls encrypt(TlsMaterial tls, HostRegistration r, EncryptedTls stored) {
    if (!r.hasTls() && stored != null) {
      return stored;
    }
    return new EncryptedTls(
        cipher.encrypt(tls.caPem()),
        cipher.encrypt(tls.certificatePem()),
        cipher.encrypt(tls.privateKeyPem()));
  }

  private static boolean isLoopback(String host) {
    try {
      return host != null
          && Arrays.stream(InetAddress.getAllByName(host)).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static HostView view(DockerHost h, HostHealth seen, Usage usage, int sparePods) {
    HostHealth s = seen != null ? seen : new HostHealth(h.id());
    return new HostView(
        h.id(),
        h.name(),
        h.endpoint(),
        h.address(),
        h.labels().isBlank() ? List.of() : List.of(h.labels().split(",")),
        h.tls() != null,
        h.cpus(),
        h.memoryMb(),
        s.offeredCpus(h.cpus()),
        s.offeredMemoryMb(h.memoryMb()),
        usage == null ? 0 : (int) usage.cpus(),
        usage == null ? 0 : (int) usage.memoryMb(),
        usage == null ? 0 : (int) usage.workspaces(),
        usage == null ? 0 : (int) usage.poolClusters(),
        sparePods,
        h.portRangeStart(),
        h.portRangeEnd(),
        h.drained(),
        s.status(),
        s.lastCheckedAt(),
        s.lastSeenAt(),
        s.lastError(),
        s.engineVersion(),
        s.apiVersion(),
        s.engineCpus(),
        s.engineMemoryBytes(),
        h.createdAt(),
        s.ipv4Forwarding());
  }
}
