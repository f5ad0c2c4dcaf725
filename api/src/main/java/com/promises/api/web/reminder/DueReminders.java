package com.promises.api.web.reminder;

import com.promises.projections.schedule.PromiseSchedule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** Collectors' daily work: whom to remind today. */
@RestController
@Tag(name = "Reminders and follow-ups", description = "Reminder planning and the follow-ups after broken promises")
class DueReminders {

    private final PromiseSchedule schedule;

    DueReminders(PromiseSchedule schedule) {
        this.schedule = schedule;
    }

    @GetMapping("/api/v1/reminders/due")
    @Operation(operationId = "listRemindersDue", summary = "Promises to remind on a date", description = "Suggested a few days before the due date, "
            + "earlier for larger amounts; customers inside their quiet days, disputed and judged promises are left out. "
            + "Largest amounts first.")
    List<PromiseSchedule.DueReminder> remindersDue(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Parameter(example = "2026-07-12") LocalDate on) {
        return schedule.remindersDue(on);
    }
}
