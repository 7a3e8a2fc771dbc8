package io.rsitr.track;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests set by hand, so logged timestamps are known in advance. */
final class ManualClock extends Clock {

  private volatile long millis;

  ManualClock(long startMillis) {
    this.millis = startMillis;
  }

  void set(long newMillis) {
    this.millis = newMillis;
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
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
