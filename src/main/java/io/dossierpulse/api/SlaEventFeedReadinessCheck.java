package io.dossierpulse.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the SLA event feed follows its topic: an instance whose feed is down serves no live events. */
@Readiness
@ApplicationScoped
public class SlaEventFeedReadinessCheck implements HealthCheck {

    private final SlaEventFeed feed;

    SlaEventFeedReadinessCheck(SlaEventFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        TopicFollower f = feed.follower();
        TopicFollower.State state = f == null ? TopicFollower.State.STARTING : f.state();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("SLA event feed")
                .status(state == TopicFollower.State.FOLLOWING).withData("state", state.name());
        if (f != null) {
            b.withData("restarts", f.restarts());
            if (f.lastFailure() != null) {
                b.withData("lastFailure", f.lastFailure());
            }
        }
        return b.build();
    }
}
