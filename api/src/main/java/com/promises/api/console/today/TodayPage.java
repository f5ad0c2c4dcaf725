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
import java.util.List;

/** A collector's start page: reminders due today, open follow-ups (most serious first), windows closing this week. */
@Controller
class TodayPage {

    /**
     * The most rows a list shows: a collector works from the top of each, and a page of every row a large book holds
     * would take seconds to draw; the rest are counted, and the API and the worklist have them all.
     */
    static final int SHOWN = 100;

    /** The first rows of a list, and how many it holds. */
    record Listed<T>(List<T> shown, int total) {
        static <T> Listed<T> of(List<T> all) {
            return new Listed<>(all.subList(0, Math.min(SHOWN, all.size())), all.size());
        }

        public boolean more() {
            return total > shown.size();
        }
    }

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
        model.addAttribute("reminders", Listed.of(schedule.remindersDue(today)));
        model.addAttribute("followUps", Listed.of(schedule.openFollowUps()));
        model.addAttribute("closing", Listed.of(schedule.windowsClosing(today, endOfWeek)));
        return "console/today";
    }
}
