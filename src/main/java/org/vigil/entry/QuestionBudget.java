package org.vigil.entry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * How many questions of "is this person reported?" each user may ask: a burst for a call being
 * typed, then a steady rate, within an hourly budget. The answer is an oracle over everyone
 * reported today, so a stolen operator account must not be able to sweep a list of names through
 * it; a real shift asks a few questions per call.
 */
final class QuestionBudget {
  static final int BURST = 20;
  static final int PER_HOUR = 300;

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofHours(2)).build();

  /** Takes one question from the user's budget; the seconds to wait when it is spent. */
  OptionalLong take(String userId) {
    ConsumptionProbe probe = buckets.get(userId, u -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) return OptionalLong.empty();
    return OptionalLong.of(
        Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
  }

  private static Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder().capacity(BURST).refillGreedy(BURST, Duration.ofMinutes(1)).build())
        .addLimit(
            Bandwidth.builder()
                .capacity(PER_HOUR)
                .refillGreedy(PER_HOUR, Duration.ofHours(1))
                .build())
        .build();
  }
}
