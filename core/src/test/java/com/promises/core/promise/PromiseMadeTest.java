package com.promises.core.promise;

import com.promises.core.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The warnings a promise was recorded with are part of the record as given, and a record from before them has none. */
class PromiseMadeTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 20);
    private static final PromiseWarning UNWRITTEN = new PromiseWarning(PromiseWarning.Code.UNWRITTEN_LARGE_AMOUNT,
            "50000.00 CNY promised by phone");

    @Test
    void aPromiseKeepsTheWarningsItWasMadeWithEvenIfTheCallersListChangesLater() {
        List<PromiseWarning> warnings = new ArrayList<>(List.of(UNWRITTEN));

        PromiseMade made = promiseMadeWith(warnings);
        warnings.clear();

        assertThat(made.warnings()).containsExactly(UNWRITTEN);
    }

    @Test
    void aPromiseStoredBeforeWarningsWereRecordedReadsAsHavingNone() {
        assertThat(promiseMadeWith(null).warnings()).isEmpty();
    }

    private static PromiseMade promiseMadeWith(List<PromiseWarning> warnings) {
        return new PromiseMade("C-1", "P-1", Money.of("50000.00", "CNY"), DUE.minusDays(5), DUE, 3,
                DUE.plusDays(3), Channel.PHONE, false, null, null, null, null, 1, Money.zero("CNY"),
                warnings, Instant.parse("2026-06-15T09:00:00Z"));
    }
}
