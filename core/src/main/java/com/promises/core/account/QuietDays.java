package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.reminder.ReminderSent;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;

/** DOMAIN.md rule 3: after a reminder, the customer hears nothing more until the quiet days are over. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class QuietDays {

    private LocalDate lastReminderOn;
    private LocalDate nextReminderAllowedOn;

    void requireOver(LocalDate today) {
        if (nextReminderAllowedOn != null && today.isBefore(nextReminderAllowedOn)) {
            throw Rejection.INSIDE_QUIET_DAYS.because(Refusals.QUIET_DAYS.formatted(lastReminderOn, nextReminderAllowedOn));
        }
    }

    @EventSourcingHandler
    void on(ReminderSent event) {
        lastReminderOn = event.sentOn();
        nextReminderAllowedOn = event.nextAllowedOn();
    }
}
