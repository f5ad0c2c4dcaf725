package com.promises.api.web.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.promises.api.imports.ImportedCommand;
import com.promises.api.imports.LineTranslator;
import com.promises.api.infrastructure.http.StrictJson;
import com.promises.api.infrastructure.problem.FieldProblem;
import com.promises.api.infrastructure.problem.InvalidRequestException;
import com.promises.api.infrastructure.problem.ProblemCode;
import com.promises.api.infrastructure.problem.ProblemException;
import com.promises.api.web.commitment.CommitmentOutcomeRequest;
import com.promises.api.web.commitment.MakeOurCommitmentRequest;
import com.promises.api.web.customer.RegisterCustomerRequest;
import com.promises.api.web.dispute.OpenDisputeRequest;
import com.promises.api.web.dispute.ResolveDisputeRequest;
import com.promises.api.web.escalation.EscalationStepRequest;
import com.promises.api.web.input.Ids;
import com.promises.api.web.payment.RecordPaymentRequest;
import com.promises.api.web.payment.ReversePaymentRequest;
import com.promises.api.web.promise.CancelPromiseRequest;
import com.promises.api.web.promise.ExplainOutcomeRequest;
import com.promises.api.web.promise.InstallmentPlanRequest;
import com.promises.api.web.promise.MakePromiseRequest;
import com.promises.api.web.promise.RecordBrokenPromiseRequest;
import com.promises.api.web.promise.RenegotiationRequest;
import com.promises.api.web.reminder.SendReminderRequest;
import com.promises.api.web.situation.FinancialSituationRequest;
import com.promises.core.account.RegisterCustomer;
import com.promises.core.dispute.OpenDispute;
import com.promises.core.dispute.ResolveDispute;
import com.promises.core.promise.CancelPromise;
import com.promises.core.promise.RecordBrokenPromise;
import com.promises.core.reminder.SendReminder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An import's line read as its command's HTTP request would be: the same body type, the same strict JSON, the same
 * validation, the same translation into the account's command. The ids the URL carries over HTTP (customerId, and
 * promiseId, paymentId or commitmentId) are fields of the line; ids a body may leave out are required, so that the
 * line names the same thing each time it is applied.
 */
@Component
class ImportLines implements LineTranslator {

    private static final Pattern ID = Pattern.compile(Ids.PATTERN);
    private static final String CUSTOMER = "customerId";
    private static final String PROMISE = "promiseId";
    private static final String PAYMENT = "paymentId";
    private static final String COMMITMENT = "commitmentId";

    /** One command an import may carry. */
    private record Kind<B>(String name, List<String> pathIds, Class<B> body, Function<B, List<FieldProblem>> missingIds,
                           BiFunction<Map<String, String>, B, Object> command) {

        Object translate(ObjectMapper json, Validator validator, Map<String, String> ids, ObjectNode fields) throws Exception {
            B request = json.treeToValue(fields, body);
            List<FieldProblem> problems = new ArrayList<>();
            for (ConstraintViolation<B> violation : validator.validate(request)) {
                problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
            }
            problems.addAll(missingIds.apply(request));
            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
                throw new InvalidRequestException(problems);
            }
            return command.apply(ids, request);
        }
    }

    private static final Map<String, Kind<?>> KINDS = kinds(
            new Kind<>("RegisterCustomer", List.of(CUSTOMER), RegisterCustomerRequest.class, none(),
                    (ids, body) -> new RegisterCustomer(ids.get(CUSTOMER), body.name(), body.currency())),
            new Kind<>("MakePromise", List.of(CUSTOMER), MakePromiseRequest.class, body -> required(PROMISE, body.promiseId()),
                    (ids, body) -> body.toCommand(ids.get(CUSTOMER))),
            new Kind<>("MakeInstallmentPlan", List.of(CUSTOMER), InstallmentPlanRequest.class, ImportLines::planIds,
                    (ids, body) -> body.toCommand(ids.get(CUSTOMER))),
            new Kind<>("SendReminder", List.of(CUSTOMER, PROMISE), SendReminderRequest.class, none(),
                    (ids, body) -> new SendReminder(ids.get(CUSTOMER), ids.get(PROMISE), body.channel(), body.note())),
            new Kind<>("RecordPayment", List.of(CUSTOMER), RecordPaymentRequest.class, body -> required(PAYMENT, body.paymentId()),
                    (ids, body) -> body.toCommand(ids.get(CUSTOMER))),
            new Kind<>("ReversePayment", List.of(CUSTOMER, PAYMENT), ReversePaymentRequest.class, none(),
                    (ids, body) -> body.toCommand(ids.get(CUSTOMER), ids.get(PAYMENT))),
            new Kind<>("RecordBrokenPromise", List.of(CUSTOMER, PROMISE), RecordBrokenPromiseRequest.class, none(),
                    (ids, body) -> new RecordBrokenPromise(ids.get(CUSTOMER), ids.get(PROMISE), body.reason(), body.note())),
            new Kind<>("ExplainOutcome", List.of(CUSTOMER, PROMISE), ExplainOutcomeRequest.class, none(),
                    (ids, body) -> body.toCommand(ids.get(CUSTOMER), ids.get(PROMISE))),
            new Kind<>("RenegotiatePromise", List.of(CUSTOMER, PROMISE), RenegotiationRequest.class,
                    body -> required("newPromiseId", body.newPromiseId()),
                    (ids, body) -> body.toCommand(ids.get(CUSTOMER), ids.get(PROMISE))),
            new Kind<>("CancelPromise", List.of(CUSTOMER, PROMISE), CancelPromiseRequest.class, none(),
                    (ids, body) -> new CancelPromise(ids.get(CUSTOMER), ids.get(PROMISE), body.note())),
            new Kind<>("OpenDispute", List.of(CUSTOMER, PROMISE), OpenDisputeRequest.class, none(),
                    (ids, body) -> new OpenDispute(ids.get(CUSTOMER), ids.get(PROMISE), body.reason(), body.note())),
            new Kind<>("ResolveDispute", List.of(CUSTOMER, PROMISE), ResolveDisputeRequest.class, none(),
                    (ids, body) -> new ResolveDispute(ids.get(CUSTOMER), ids.get(PROMISE), body.upheld(), body.note())),
            new Kind<>("MakeOurCommitment", List.of(CUSTOMER), MakeOurCommitmentRequest.class,
                    body -> required(COMMITMENT, body.commitmentId()),
                    (ids, body) -> body.toCommand(ids.get(CUSTOMER))),
            new Kind<>("RecordOurCommitmentOutcome", List.of(CUSTOMER, COMMITMENT), CommitmentOutcomeRequest.class, none(),
                    (ids, body) -> body.toCommand(ids.get(CUSTOMER), ids.get(COMMITMENT))),
            new Kind<>("RecordFinancialSituation", List.of(CUSTOMER), FinancialSituationRequest.class, none(),
                    (ids, body) -> body.toCommand(ids.get(CUSTOMER))),
            new Kind<>("RecordEscalationStep", List.of(CUSTOMER), EscalationStepRequest.class, none(),
                    (ids, body) -> body.toCommand(ids.get(CUSTOMER))));

    static final Set<String> COMMANDS = KINDS.keySet();

    private final ObjectMapper json;
    private final Validator validator;

    ImportLines(ObjectMapper json, Validator validator) {
        this.json = StrictJson.of(json);
        this.validator = validator;
    }

    @Override
    public ImportedCommand translate(String line) throws Exception {
        JsonNode node = json.readTree(line);
        if (!(node instanceof ObjectNode fields)) {
            throw new ProblemException(ProblemCode.MALFORMED_JSON, "Each line must be one JSON object.");
        }
        JsonNode name = fields.remove("command");
        Kind<?> kind = name != null && name.isTextual() ? KINDS.get(name.asText()) : null;
        if (kind == null) {
            throw new InvalidRequestException("command", "must be one of " + String.join(", ", COMMANDS));
        }
        Map<String, String> ids = new LinkedHashMap<>();
        List<FieldProblem> badIds = new ArrayList<>();
        for (String id : kind.pathIds()) {
            JsonNode value = fields.remove(id);
            if (value == null || value.isNull()) {
                badIds.add(new FieldProblem(id, "is required"));
            } else if (!value.isTextual() || !ID.matcher(value.asText()).matches()) {
                badIds.add(new FieldProblem(id, Ids.MESSAGE));
            } else {
                ids.put(id, value.asText());
            }
        }
        if (!badIds.isEmpty()) {
            throw new InvalidRequestException(badIds);
        }
        return new ImportedCommand(ids.get(CUSTOMER), kind.translate(json, validator, ids, fields));
    }

    private static Map<String, Kind<?>> kinds(Kind<?>... kinds) {
        Map<String, Kind<?>> byName = new LinkedHashMap<>();
        for (Kind<?> kind : kinds) {
            byName.put(kind.name(), kind);
        }
        return byName;
    }

    private static <B> Function<B, List<FieldProblem>> none() {
        return body -> List.of();
    }

    private static List<FieldProblem> required(String field, String value) {
        return value == null ? List.of(new FieldProblem(field, "is required in an import")) : List.of();
    }

    private static List<FieldProblem> planIds(InstallmentPlanRequest plan) {
        List<FieldProblem> missing = new ArrayList<>(required("planId", plan.planId()));
        if (plan.installments() != null) {
            for (int i = 0; i < plan.installments().size(); i++) {
                InstallmentPlanRequest.Installment installment = plan.installments().get(i);
                if (installment != null && installment.promiseId() == null) {
                    missing.add(new FieldProblem("installments[" + i + "].promiseId", "is required in an import"));
                }
            }
        }
        return missing;
    }
}
