package com.promises.api.console.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.api.command.CommandDispatcher;
import com.promises.api.console.Refused;
import com.promises.api.web.input.Amounts;
import com.promises.api.web.input.Ids;
import com.promises.core.account.RegisterCustomer;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.CancelPromise;
import com.promises.core.promise.Channel;
import com.promises.core.promise.ExplainOutcome;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RecordBrokenPromise;
import com.promises.core.reminder.SendReminder;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.audit.CustomerAudit;
import com.promises.projections.summary.CustomerSummaries;
import com.promises.projections.summary.CustomerSummary;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * A customer: the summary the API answers, the history auditors read, the score over time from the same as-of
 * replay, and the collector's command forms, each sent through the same dispatcher as the API's commands.
 */
@Controller
@RequestMapping("/console/customers")
class CustomerPage {

    private static final String PAGE = "console/customer";
    /** The timeline on the customer page shows the newest events; the audit page has them all. */
    static final int TIMELINE_EVENTS = 100;

    private final CustomerSummaries summaries;
    private final CustomerAudit audit;
    private final CommandDispatcher commands;
    private final BusinessCalendar calendar;
    private final Clock clock;

    CustomerPage(CustomerSummaries summaries, CustomerAudit audit, CommandDispatcher commands, BusinessCalendar calendar,
                 Clock clock) {
        this.summaries = summaries;
        this.audit = audit;
        this.commands = commands;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A payment as the history recorded it. */
    record PaymentRow(long sequence, String paymentId, String amount, String currency, String paidOn, Instant recordedAt,
                      String actor) {
    }

    @GetMapping("/new")
    String registration(Model model) {
        model.addAttribute("registerForm", CustomerForms.Register.blank());
        return "console/register";
    }

    @PostMapping
    ModelAndView register(@Valid @ModelAttribute("registerForm") CustomerForms.Register form, BindingResult binding,
                    Model model, HttpServletResponse response) {
        if (binding.hasErrors()) {
            return refusedRegistration(Refused.invalid("register", binding), model, response);
        }
        try {
            commands.send(form.customerId(), new RegisterCustomer(form.customerId(), form.name(), form.currency()));
        } catch (RuntimeException failure) {
            return refusedRegistration(Refused.of("register", failure).orElseThrow(() -> failure), model, response);
        }
        return seeOther(form.customerId());
    }

    @GetMapping("/{customerId}")
    String customer(@PathVariable String customerId, Model model) {
        show(customerId, model);
        return PAGE;
    }

    @PostMapping("/{customerId}/promises")
    ModelAndView makePromise(@PathVariable String customerId, @Valid @ModelAttribute("promiseForm") CustomerForms.Promise form,
                       BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "promise", binding, model, response, () -> new MakePromise(customerId,
                Ids.orNew(form.promiseId()), Amounts.money("amount", form.amount(), form.currency()), form.dueDate(),
                null, form.channel(), Boolean.TRUE.equals(form.inWriting()), null, form.note()));
    }

    @PostMapping("/{customerId}/payments")
    ModelAndView recordPayment(@PathVariable String customerId, @Valid @ModelAttribute("paymentForm") CustomerForms.Payment form,
                         BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "payment", binding, model, response, () -> new RecordPayment(customerId,
                Ids.orNew(form.paymentId()), Amounts.money("amount", form.amount(), form.currency()), form.paidOn(),
                form.promiseId()));
    }

    @PostMapping("/{customerId}/reminders")
    ModelAndView recordReminder(@PathVariable String customerId, @Valid @ModelAttribute("reminderForm") CustomerForms.Reminder form,
                          BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "reminder", binding, model, response,
                () -> new SendReminder(customerId, form.promiseId(), form.channel(), form.note()));
    }

    @PostMapping("/{customerId}/broken")
    ModelAndView recordBroken(@PathVariable String customerId, @Valid @ModelAttribute("brokenForm") CustomerForms.Broken form,
                        BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "broken", binding, model, response,
                () -> new RecordBrokenPromise(customerId, form.promiseId(), form.reason(), form.note()));
    }

    @PostMapping("/{customerId}/explanations")
    ModelAndView explain(@PathVariable String customerId, @Valid @ModelAttribute("explanationForm") CustomerForms.Explanation form,
                         BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "explanation", binding, model, response,
                () -> new ExplainOutcome(customerId, form.promiseId(), form.reason(), form.faith(), form.note()));
    }

    @PostMapping("/{customerId}/cancellations")
    ModelAndView cancel(@PathVariable String customerId, @Valid @ModelAttribute("cancellationForm") CustomerForms.Cancellation form,
                        BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "cancellation", binding, model, response,
                () -> new CancelPromise(customerId, form.promiseId(), form.note()));
    }

    /**
     * Sends the command and sees the customer's page again (303, so a reload does not post again); a refusal shows the
     * page with the submitted form, its detail beside the field at fault, and the refusal's status.
     */
    private ModelAndView record(String customerId, String form, BindingResult binding, Model model,
                          HttpServletResponse response, Supplier<Object> command) {
        Refused refused;
        if (binding.hasErrors()) {
            refused = Refused.invalid(form, binding);
        } else {
            try {
                commands.send(customerId, command.get());
                return seeOther(customerId);
            } catch (RuntimeException failure) {
                refused = Refused.of(form, failure).orElseThrow(() -> failure);
            }
        }
        response.setStatus(refused.status().value());
        model.addAttribute("refused", refused);
        show(customerId, model);
        return new ModelAndView(PAGE);
    }

    private ModelAndView refusedRegistration(Refused refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("refused", refused);
        return new ModelAndView("console/register");
    }

    /**
     * A 303 set on the response (not sendRedirect, which would send it at once), so the form's answer is stored with
     * its key and its events committed before the browser follows it.
     */
    private static ModelAndView seeOther(String customerId) {
        RedirectView view = new RedirectView(
                UriComponentsBuilder.fromPath("/console/customers/{id}").buildAndExpand(customerId).toUriString(), true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setHttp10Compatible(false);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    /**
     * What the history gives: the score over time, the payments and the newest events. Read from the event store
     * (twice the customer's history), so the page loads it after itself (htmx) and answers at the summary's speed.
     */
    @GetMapping("/{customerId}/activity")
    String activity(@PathVariable String customerId, Model model) {
        CustomerAudit.History history = audit.history(customerId);
        CustomerAudit.ReliabilityAsOf replayed = audit.reliabilityAsOf(customerId, null);
        List<CustomerAudit.HistoryEvent> events = history.events();
        model.addAttribute("customerId", customerId);
        model.addAttribute("eventCount", events.size());
        model.addAttribute("events", events.subList(Math.max(0, events.size() - TIMELINE_EVENTS), events.size()));
        model.addAttribute("payments", payments(events));
        model.addAttribute("chart", ScoreChart.of(replayed.explanation()));
        model.addAttribute("grid", List.of(0, 25, 50, 75, 100).stream()
                .map(score -> new double[]{score, ScoreChart.gridY(score)}).toList());
        return "console/customer-activity :: activity";
    }

    private void show(String customerId, Model model) {
        CustomerSummary summary = summaries.get(customerId);
        LocalDate today = calendar.today(clock);
        model.addAttribute("summary", summary);
        model.addAttribute("today", today);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("reasons", Reason.values());
        List<CustomerSummary.PromiseLine> promises = summary.promises() == null ? List.of() : summary.promises();
        model.addAttribute("openPromises", promises.stream().filter(line -> line.state() == PromiseState.OPEN).toList());
        model.addAttribute("unkeptPromises", promises.stream().filter(line -> line.state() == PromiseState.BROKEN
                || line.state() == PromiseState.PARTIALLY_KEPT).toList());
        model.addAttribute("faiths", Faith.values());
        if (!model.containsAttribute("promiseForm")) {
            model.addAttribute("promiseForm", CustomerForms.Promise.blank(summary.currency()));
        }
        if (!model.containsAttribute("paymentForm")) {
            model.addAttribute("paymentForm", CustomerForms.Payment.blank(summary.currency(), today));
        }
        if (!model.containsAttribute("reminderForm")) {
            model.addAttribute("reminderForm", CustomerForms.Reminder.blank());
        }
        if (!model.containsAttribute("explanationForm")) {
            model.addAttribute("explanationForm", CustomerForms.Explanation.blank());
        }
        if (!model.containsAttribute("cancellationForm")) {
            model.addAttribute("cancellationForm", CustomerForms.Cancellation.blank());
        }
        if (!model.containsAttribute("brokenForm")) {
            model.addAttribute("brokenForm", CustomerForms.Broken.blank());
        }
    }

    private static List<PaymentRow> payments(List<CustomerAudit.HistoryEvent> events) {
        return events.stream().filter(event -> event.type().equals("PaymentRecorded")).map(event -> {
            JsonNode payload = event.payload();
            JsonNode amount = payload.path("amount");
            return new PaymentRow(event.sequence(), payload.path("paymentId").asText(), amount.path("amount").asText(),
                    amount.path("currency").asText(), payload.path("paidOn").asText(), event.recordedAt(), event.actor());
        }).toList();
    }
}
