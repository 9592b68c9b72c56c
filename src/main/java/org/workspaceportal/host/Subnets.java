package org.workspaceportal.host;

import java.util.Set;

/**
 * The subnets of the portal's network pool: a pool like {@code 10.242.0.0/16} cut into {@code
 * /24}s, the first one free on a host given to a new cluster there. Pure, so the arithmetic is
 * tested alone.
 */
public final class Subnets {

  private Subnets() {}

  /** The first {@code /prefix} of the pool that is not in {@code taken}; null when all are. */
  static String firstFree(String pool, int prefix, Set<String> taken) {
    String[] parts = pool.split("/");
    long base = toLong(parts[0]);
    int poolPrefix = Integer.parseInt(parts[1]);
    if (prefix < poolPrefix || prefix > 30) {
      throw new IllegalArgumentException("a /" + prefix + " does not fit the pool " + pool);
    }
    long size = 1L << (32 - prefix);
    long count = 1L << (prefix - poolPrefix);
    long start = base & ~((1L << (32 - poolPrefix)) - 1) & 0xffffffffL;
    for (long i = 0; i < count; i++) {
      String subnet = toAddress(start + i * size) + "/" + prefix;
      if (!taken.contains(subnet)) {
        return subnet;
      }
    }
    return null;
  }

  /** The {@code n}-th address of a subnet ({@code 10.242.7.0/24}, 1 is {@code 10.242.7.1}). */
  public static String address(String subnet, int n) {
    String[] parts = subnet.split("/");
    long size = 1L << (32 - Integer.parseInt(parts[1]));
    if (n <= 0 || n >= size - 1) {
      throw new IllegalArgumentException(subnet + " has no usable address number " + n);
    }
    return toAddress(toLong(parts[0]) + n);
  }

  private static long toLong(String address) {
    String[] octets = address.split("\\.");
    if (octets.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + address);
    }
    long value = 0;
    for (String o : octets) {
      int octet = Integer.parseInt(o);
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + address);
      }
      value = value << 8 | octet;
    }
    return value;
  }

  private static String toAddress(long value) {
    return (value >> 24 & 255)
        + "."
        + (value >> 16 & 255)
        + "."
        + (value >> 8 & 255)
        + "."
        + (value & 255);
  }
}
