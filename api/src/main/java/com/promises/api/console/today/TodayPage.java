package com.promises.api.console.today;

import com.promises.core.time.BusinessCalendar;
import com.promises.projections.schedule.PromiseSchedule;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A collector's start page: reminders due today, open follow-ups (most serious first), windows closing this week. */
@Controller
class TodayPage {

    private final PromiseSchedule schedule;
    private final BusinessCalendar calendar;
    private final Clock clock;

    TodayPage(PromiseSchedule schedule, BusinessCalendar calendar, Clock clock) {
        this.schedule = schedule;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/console/today")
    String today(Model model) {
        LocalDate today = calendar.today(clock);
        LocalDate endOfWeek = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        model.addAttribute("today", today);
        model.addAttribute("endOfWeek", endOfWeek);
        model.addAttribute("reminders", schedule.remindersDue(today));
        model.addAttribute("followUps", schedule.openFollowUps());
        model.addAttribute("closing", schedule.windowsClosing(today, endOfWeek));
        return "console/today";
    }
}
