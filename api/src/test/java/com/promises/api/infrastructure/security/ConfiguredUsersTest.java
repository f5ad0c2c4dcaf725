package com.promises.api.infrastructure.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** promises.security.users as operators write it, and the mistakes they make. */
class ConfiguredUsersTest {

    @Test
    void usersWithOneOrSeveralRolesAreRead() {
        List<ConfiguredUser> users = ConfiguredUser.parseAll(
                "ana:{bcrypt}$2a$10$PXZ1HtBeHNSm7huaOWf.Fefr4nxF5jMGab1ZF0GBe7D89DHYf0Sbe:COLLECTOR, bo:{noop}pa:ss:AUDITOR+ADMIN");

        assertThat(users).extracting(ConfiguredUser::name).containsExactly("ana", "bo");
        assertThat(users.get(0).roles()).containsExactly(Role.COLLECTOR);
        assertThat(users.get(1).password()).isEqualTo("{noop}pa:ss");
        assertThat(users.get(1).roles()).isEqualTo(Set.of(Role.AUDITOR, Role.ADMIN));
    }

    @Test
    void everyMistakeIsReportedAtOnceWithoutThePasswords() {
        var failure = catchThrowableOfType(InvalidUsersException.class, () -> ConfiguredUser.parseAll(
                "ana:plain-secret:COLLECTOR,bo:{noop}x:JANITOR,cy:{noop}y:ADMIN,cy:{noop}z:AUDITOR,nocolons"));

        assertThat(failure.getMessage())
                .contains("the password of ana must name its encoding")
                .contains("unknown role 'JANITOR'")
                .contains("user cy appears twice")
                .contains("entry 5: expected name:password:ROLE")
                .doesNotContain("plain-secret");
    }

    @Test
    void namesThatDifferOnlyByCaseAreRefused() {
        var failure = catchThrowableOfType(InvalidUsersException.class, () -> ConfiguredUser.parseAll(
                "ana:{noop}one:COLLECTOR,bo:{noop}two:AUDITOR,ANA:{noop}three:ADMIN"));

        assertThat(failure.getMessage()).contains("ANA and ana differ only by case").doesNotContain("three");
    }

    @Test
    void noUsersOnTheEmbeddedDatabaseMeansTheDocumentedDemoUsers() {
        assertThat(Users.resolve("", false)).extracting(ConfiguredUser::name).containsExactly("collector", "auditor", "admin");
        assertThat(Users.resolve(null, false)).isEqualTo(Users.DEMO);
    }

    @Test
    void noUsersWithAnExternalDatabaseRefusesToStart() {
        var failure = catchThrowableOfType(InvalidUsersException.class, () -> Users.resolve(" ", true));

        assertThat(failure.getMessage()).contains("No users are configured").contains("spring.datasource.url");
    }

    @Test
    void configuredUsersReplaceTheDemoOnes() {
        assertThat(Users.resolve("x:{noop}y:AUDITOR", true)).extracting(ConfiguredUser::name).containsExactly("x");
    }
}
