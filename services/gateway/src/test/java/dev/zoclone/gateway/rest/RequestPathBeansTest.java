package dev.zoclone.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.client.ServiceForwarder;
import dev.zoclone.gateway.ratelimit.RateLimitFilter;
import dev.zoclone.gateway.ratelimit.TokenBuckets;
import dev.zoclone.gateway.ratelimit.UserLimits;
import dev.zoclone.gateway.service.LastUsedStamps;
import dev.zoclone.gateway.service.TokenAuthenticator;
import dev.zoclone.gateway.service.VerifiedTokens;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The beans every forwarded request passes through are called directly: none is reached through a
 * client proxy, which would look its instance up again on every call of every request.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RequestPathBeansTest {

  @Test
  void everyBeanAForwardedRequestPassesThroughIsCalledWithoutAProxy() {
    List<Class<?>> requestPath =
        List.of(
            RouteLookup.class,
            BearerAuthentication.class,
            RateLimitFilter.class,
            ForwardingRoute.class,
            TokenAuthenticator.class,
            VerifiedTokens.class,
            LastUsedStamps.class,
            UserLimits.class,
            TokenBuckets.class,
            ServiceForwarder.class);
    for (Class<?> bean : requestPath) {
      assertThat(Arc.container().instance(bean).get())
          .as(bean.getSimpleName())
          .isNotInstanceOf(ClientProxy.class);
    }
  }
}
