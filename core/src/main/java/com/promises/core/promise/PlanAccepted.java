package com.promises.core.promise;

import java.util.List;

/** The answer to MakeInstallmentPlan: the plan and the promise made for each installment, in due order. */
public record PlanAccepted(String planId, List<String> promiseIds) {
}
