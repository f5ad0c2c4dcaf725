package com.promises.projections.rebuild;

import com.promises.projections.testing.ReadModelDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V35 gives the read models what only the history holds (reasons, excuses, risk, our commitments): a database that
 * already has customers is marked for the rebuild InterruptedRebuild carries out on the next start; a new one is not.
 */
class JudgementMigrationTest {

    @Test
    void aDatabaseWithCustomersIsMarkedForARebuildOfItsReadModels() {
        DataSource before = ReadModelDatabase.migratedTo("34");
        JdbcTemplate jdbc = new JdbcTemplate(before);
        jdbc.update("""
                insert into customer_summary (customer_id, name, currency, policy_version, score, band, kept, partially_kept,
                    broken, renegotiated, habitual_breaker, score_card, credit, open_promises, disputed_promises, last_sequence)
                values ('old-customer', 'Old Customer', 'CNY', 'v1', 50.0, 'C', 0, 0, 0, 0, false, '{}', 0, 0, 0, 3)""");

        Flyway.configure().dataSource(before).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForObject("select count(*) from read_model_rebuild", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select credit_hold from customer_summary", Boolean.class)).isFalse();
    }

    @Test
    void aNewDatabaseIsNot() {
        JdbcTemplate jdbc = new JdbcTemplate(ReadModelDatabase.fresh());

        assertThat(jdbc.queryForObject("select count(*) from read_model_rebuild", Long.class)).isZero();
    }
}
