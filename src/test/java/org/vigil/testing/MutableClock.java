package org.vigil.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand: expiry and lockouts are tested without sleeping. */
public final class MutableClock extends Clock {
  private volatile Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  /**
   * Starts now, at the beginning of a 30-second TOTP step, so codes stay current while a test runs.
   */
  public static MutableClock atStepStart() {
    long seconds = Instant.now().getEpochSecond();
    return new MutableClock(Instant.ofEpochSecond(seconds - seconds % 30));
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
