package com.promises.api.infrastructure.config;

import com.promises.projections.audit.PolicyTimeline;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Records, at each start, the scoring policy this start runs when it is not the one last recorded: which instance
 * (host and process) and which start (an id made now) switched it, so as-of answers know the policy of their time.
 */
@Component
class ScoringPolicyAtStart implements ApplicationRunner {

    private final PolicyTimeline policies;

    ScoringPolicyAtStart(PolicyTimeline policies) {
        this.policies = policies;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        policies.recordStart(host() + "/" + ProcessHandle.current().pid(), UUID.randomUUID().toString());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
