package org.vigil.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Limits anonymous submissions per client address, so that one machine cannot flood the count with
 * invented reports. Each client gets a token bucket: a burst, then a steady rate.
 */
public final class PublicRateLimit {
  private final int perMinute;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  public PublicRateLimit(int perMinute) {
    if (perMinute < 1) throw new IllegalArgumentException("the public rate must be at least 1");
    this.perMinute = perMinute;
  }

  /**
   * Takes one submission from the client's allowance; false when it is used up. An IPv6 client is
   * counted by its /64 network: that is what one subscriber gets, and each of its 2^64 addresses
   * having an allowance of its own would make the limit none.
   */
  public boolean tryAcquire(InetAddress client) {
    byte[] address = client.getAddress();
    String key =
        address.length == 16
            ? HexFormat.of().formatHex(address, 0, 8) + "::/64"
            : client.getHostAddress();
    return buckets.get(key, c -> newBucket()).tryConsume(1);
  }

  /** Seconds until a client that was refused may try again. */
  public long retryAfterSeconds() {
    return Math.max(1, 60 / perMinute);
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }
}
