package dev.zoclone.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final TokenBuckets buckets = new TokenBuckets(now::get);

  @Test
  void aFullBucketAllowsItsBurstThenSaysHowLongToWait() {
    Limits limits = new Limits(2, 3);

    for (int i = 0; i < 3; i++) {
      assertThat(buckets.take("t", limits)).isZero();
    }
    long wait = buckets.take("t", limits);

    assertThat(wait).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
  }

  @Test
  void theBucketRefillsAtItsRateUpToItsBurst() {
    Limits limits = new Limits(2, 3);
    for (int i = 0; i < 3; i++) {
      buckets.take("t", limits);
    }

    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
    assertThat(buckets.take("t", limits)).isZero();
    assertThat(buckets.take("t", limits)).isPositive();

    now.addAndGet(TimeUnit.HOURS.toNanos(1));
    for (int i = 0; i < 3; i++) {
      assertThat(buckets.take("t", limits)).isZero();
    }
    assertThat(buckets.take("t", limits)).isPositive();
  }

  @Test
  void eachKeyHasItsOwnBucket() {
    Limits limits = new Limits(1, 1);

    assertThat(buckets.take("a", limits)).isZero();
    assertThat(buckets.take("a", limits)).isPositive();
    assertThat(buckets.take("b", limits)).isZero();
  }

  @Test
  void aReplicaEnforcesItsShareOfTheLimit() {
    Limits share = new Limits(10, 5).perReplica(2);

    assertThat(share).isEqualTo(new Limits(5, 3));
    assertThat(new Limits(10, 1).perReplica(4).burst()).isEqualTo(1);
    assertThat(new Limits(10, 5).perReplica(1)).isEqualTo(new Limits(10, 5));
  }
}
