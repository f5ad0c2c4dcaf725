package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.promise.OutcomeExplained;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.scoring.ReliabilityPolicies;
import com.promises.core.scoring.WeightedScoreCard;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;

/** The v1 reliability as it stands, to weigh new promises (rule 5); the read models keep their own. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class RunningScore {

    private WeightedScoreCard card = ReliabilityPolicies.V1.start();

    BigDecimal score() {
        return card.score();
    }

    @EventSourcingHandler
    void on(PromiseKept event) {
        card = card.apply(event);
    }

    @EventSourcingHandler
    void on(PromisePartiallyKept event) {
        card = card.apply(event);
    }

    @EventSourcingHandler
    void on(PromiseBroken event) {
        card = card.apply(event);
    }

    @EventSourcingHandler
    void on(PromiseRenegotiated event) {
        card = card.apply(event);
    }

    @EventSourcingHandler
    void on(PromiseRejudged event) {
        card = card.apply(event);
    }

    @EventSourcingHandler
    void on(OutcomeExplained event) {
        card = card.apply(event);
    }

    @EventSourcingHandler
    void on(PromiseExcused event) {
        card = card.apply(event);
    }
}
