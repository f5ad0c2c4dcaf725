package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.risk.FinancialSituation;
import com.promises.core.risk.FinancialSituationRecorded;
import com.promises.core.risk.RecordFinancialSituation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The customer's financial situation as last recorded (seed 000: their ability to pay, apart from their faith). */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class AbilityToPay {

    private FinancialSituation situation;
    private String note;

    /** The very same situation and note as the last one recorded changes nothing. */
    @CommandHandler
    void handle(RecordFinancialSituation command, AccountRules rules, Clock clock) {
        if (command.situation() == null) {
            throw Rejection.INVALID_SITUATION.because(Refusals.SITUATION_REQUIRED);
        }
        if (command.situation() == situation && Objects.equals(note, command.note())) {
            return;
        }
        apply(new FinancialSituationRecorded(command.customerId(), command.situation(), command.note(), null,
                rules.calendar().today(clock), clock.instant()));
    }

    @EventSourcingHandler
    void on(FinancialSituationRecorded event) {
        situation = event.situation();
        note = event.note();
    }
}
