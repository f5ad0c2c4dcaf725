package com.promises.api;

import com.promises.projections.history.JdbcEventHistory;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layout as rules, over every main class of core, projections and api: one door to the event history, HTTP
 * apart from SQL, dependencies pointing one way.
 */
@AnalyzeClasses(packages = "com.promises", importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** Other modules' test classes, which come as their test jars (not test-classes directories) after an install. */
    public static final class NoTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }

    private static final List<String> AXON_TABLES = List.of("domainevententry", "snapshotevententry");

    @ArchTest
    static final ArchRule onlyTheEventHistoryNamesAxonsTables = classes()
            .that().doNotHaveFullyQualifiedName(JdbcEventHistory.class.getName())
            .should(notNameAny(AXON_TABLES));

    @ArchTest
    static final ArchRule theWebLayerNeverTouchesSql = noClasses()
            .that().resideInAPackage("com.promises.api.web..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
                    "com.promises.api.infrastructure.persistence..");

    /** The console's pages read and command through the same services as the API, never through SQL of their own. */
    @ArchTest
    static final ArchRule theConsoleNeverTouchesSql = noClasses()
            .that().resideInAPackage("com.promises.api.console..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
                    "com.promises.api.infrastructure.persistence..");

    @ArchTest
    static final ArchRule infrastructureDoesNotReachIntoTheConsole = noClasses()
            .that().resideInAPackage("com.promises.api.infrastructure..")
            .should().dependOnClassesThat().resideInAPackage("com.promises.api.console..");

    @ArchTest
    static final ArchRule coreDependsOnNeitherSpringNorJdbc = noClasses()
            .that().resideInAPackage("com.promises.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "com.promises.projections..", "com.promises.api..");

    @ArchTest
    static final ArchRule projectionsNeverDependOnApi = noClasses()
            .that().resideInAPackage("com.promises.projections..")
            .should().dependOnClassesThat().resideInAPackage("com.promises.api..");

    @ArchTest
    static final ArchRule infrastructureDoesNotReachIntoTheWebLayer = noClasses()
            .that().resideInAPackage("com.promises.api.infrastructure..")
            .should().dependOnClassesThat().resideInAPackage("com.promises.api.web..");

    /** Looks for the names in the class file's constants, where a string in the source ends up. */
    private static ArchCondition<JavaClass> notNameAny(List<String> names) {
        return new ArchCondition<>("not name any of " + names) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String constants = classFile(type);
                for (String name : names) {
                    if (constants.contains(name)) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " names " + name
                                + "; read the event history through " + JdbcEventHistory.class.getSimpleName()));
                    }
                }
            }
        };
    }

    private static String classFile(JavaClass type) {
        if (type.getSource().isEmpty()) {
            return "";
        }
        try (InputStream in = type.getSource().get().getUri().toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
