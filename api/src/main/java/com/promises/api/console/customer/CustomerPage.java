package com.promises.api.console.customer;

import com.promises.api.command.CommandDispatcher;
import com.promises.api.console.Refused;
import com.promises.api.infrastructure.problem.FieldProblem;
import com.promises.api.infrastructure.problem.InvalidRequestException;
import com.promises.api.web.commitment.CommitmentOutcomeRequest;
import com.promises.api.web.commitment.MakeOurCommitmentRequest;
import com.promises.api.web.escalation.EscalationStepRequest;
import com.promises.api.web.input.Amounts;
import com.promises.api.web.input.Ids;
import com.promises.api.web.input.MoneyInput;
import com.promises.api.web.payment.ReversePaymentRequest;
import com.promises.api.web.promise.RenegotiationRequest;
import com.promises.api.web.situation.FinancialSituationRequest;
import com.promises.core.commitment.CommitmentKind;
import com.promises.core.commitment.CommitmentOutcome;
import com.promises.core.dispute.OpenDispute;
import com.promises.core.dispute.ResolveDispute;
import com.promises.core.followup.CloseFollowUp;
import com.promises.core.followup.StepTaken;
import com.promises.core.payment.ReversalReason;
import com.promises.core.risk.FinancialSituation;
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
import jakarta.validation.Validator;
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
import java.time.LocalDate;
import java.util.Comparator;
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
    private final Validator validator;

    CustomerPage(CustomerSummaries summaries, CustomerAudit audit, CommandDispatcher commands, BusinessCalendar calendar,
                 Clock clock, Validator validator) {
        this.summaries = summaries;
        this.audit = audit;
        this.commands = commands;
        this.calendar = calendar;
        this.clock = clock;
        this.validator = validator;
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

    @PostMapping("/{customerId}/installment-plans")
    ModelAndView makePlan(@PathVariable String customerId, @ModelAttribute("planForm") CustomerForms.Plan form,
                          BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "plan", binding, model, response,
                () -> checked(form.request()).toCommand(customerId));
    }

    @PostMapping("/{customerId}/renegotiations")
    ModelAndView renegotiate(@PathVariable String customerId, @Valid @ModelAttribute("renegotiationForm") CustomerForms.Renegotiation form,
                             BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "renegotiation", binding, model, response, () -> new RenegotiationRequest(
                form.newPromiseId(), form.newDueDate(), form.newAmount() == null ? null : new MoneyInput(form.newAmount(), null),
                form.currency(), form.reason(), form.note()).toCommand(customerId, form.promiseId()));
    }

    @PostMapping("/{customerId}/disputes")
    ModelAndView openDispute(@PathVariable String customerId, @Valid @ModelAttribute("disputeForm") CustomerForms.Dispute form,
                             BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "dispute", binding, model, response,
                () -> new OpenDispute(customerId, form.promiseId(), form.reason(), form.note()));
    }

    @PostMapping("/{customerId}/dispute-resolutions")
    ModelAndView resolveDispute(@PathVariable String customerId, @Valid @ModelAttribute("resolutionForm") CustomerForms.Resolution form,
                                BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "resolution", binding, model, response,
                () -> new ResolveDispute(customerId, form.promiseId(), form.upheld(), form.note()));
    }

    @PostMapping("/{customerId}/payment-reversals")
    ModelAndView reversePayment(@PathVariable String customerId, @Valid @ModelAttribute("reversalForm") CustomerForms.Reversal form,
                                BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "reversal", binding, model, response,
                () -> new ReversePaymentRequest(form.reason(), form.note()).toCommand(customerId, form.paymentId()));
    }

    @PostMapping("/{customerId}/escalations")
    ModelAndView recordEscalation(@PathVariable String customerId, @Valid @ModelAttribute("escalationForm") CustomerForms.Escalation form,
                                  BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "escalation", binding, model, response, () -> new EscalationStepRequest(form.step(),
                form.promiseId(), form.note(), form.documentReference()).toCommand(customerId));
    }

    @PostMapping("/{customerId}/our-commitments")
    ModelAndView makeCommitment(@PathVariable String customerId, @Valid @ModelAttribute("commitmentForm") CustomerForms.Commitment form,
                                BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "commitment", binding, model, response, () -> new MakeOurCommitmentRequest(
                form.commitmentId(), form.kind(), form.dueDate(), form.note()).toCommand(customerId));
    }

    @PostMapping("/{customerId}/commitment-outcomes")
    ModelAndView endCommitment(@PathVariable String customerId, @Valid @ModelAttribute("commitmentEndForm") CustomerForms.CommitmentEnd form,
                               BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "commitmentEnd", binding, model, response, () -> new CommitmentOutcomeRequest(
                form.outcome(), form.note()).toCommand(customerId, form.commitmentId()));
    }

    @PostMapping("/{customerId}/financial-situation")
    ModelAndView recordSituation(@PathVariable String customerId, @Valid @ModelAttribute("situationForm") CustomerForms.Situation form,
                                 BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "situation", binding, model, response,
                () -> new FinancialSituationRequest(form.situation(), form.note()).toCommand(customerId));
    }

    @PostMapping("/{customerId}/follow-up-closures")
    ModelAndView closeFollowUp(@PathVariable String customerId, @Valid @ModelAttribute("closureForm") CustomerForms.FollowUpClosure form,
                               BindingResult binding, Model model, HttpServletResponse response) {
        return record(customerId, "closure", binding, model, response,
                () -> new CloseFollowUp(customerId, form.promiseId(), form.note()));
    }

    /** A request the API would read, refused by the API's own constraints with the same fields and messages. */
    private <T> T checked(T request) {
        List<FieldProblem> problems = validator.validate(request).stream()
                .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return request;
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
        model.addAttribute("payments", CustomerActivity.payments(events));
        model.addAttribute("openCommitments", CustomerActivity.openCommitments(events));
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
        model.addAttribute("disputedPromises", promises.stream().filter(line -> line.state() == PromiseState.DISPUTED).toList());
        model.addAttribute("reversalReasons", ReversalReason.values());
        model.addAttribute("steps", StepTaken.values());
        model.addAttribute("commitmentKinds", CommitmentKind.values());
        model.addAttribute("commitmentOutcomes", CommitmentOutcome.values());
        model.addAttribute("situations", FinancialSituation.values());
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
        blankUnlessSent(model, "planForm", () -> CustomerForms.Plan.blank(summary.currency()));
        blankUnlessSent(model, "renegotiationForm", () -> CustomerForms.Renegotiation.blank(summary.currency()));
        blankUnlessSent(model, "disputeForm", CustomerForms.Dispute::blank);
        blankUnlessSent(model, "resolutionForm", CustomerForms.Resolution::blank);
        blankUnlessSent(model, "reversalForm", CustomerForms.Reversal::blank);
        blankUnlessSent(model, "escalationForm", CustomerForms.Escalation::blank);
        blankUnlessSent(model, "commitmentForm", CustomerForms.Commitment::blank);
        blankUnlessSent(model, "commitmentEndForm", CustomerForms.CommitmentEnd::blank);
        blankUnlessSent(model, "situationForm", CustomerForms.Situation::blank);
        blankUnlessSent(model, "closureForm", CustomerForms.FollowUpClosure::blank);
    }

    /** A refused form is shown again as it was sent; every other form fresh, with a key of its own. */
    private static void blankUnlessSent(Model model, String name, Supplier<?> blank) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, blank.get());
        }
    }
}
