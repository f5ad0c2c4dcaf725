package com.promises.projections;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The read side knows the domain and its own tables; the application that runs it is not its business. */
@AnalyzeClasses(packages = "com.promises.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsBoundariesTest {

    @ArchTest
    static final ArchRule projectionsNeverDependOnTheApplication = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.promises.api..");

    @ArchTest
    static final ArchRule onlyTheHistoryTouchesAxonsEventStorage = noClasses()
            .that().resideOutsideOfPackage("com.promises.projections.history..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing.eventstore..")
            .as("only com.promises.projections.history reads Axon's event storage");

    @ArchTest
    static final ArchRule readModelsAreNotWeb = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");
}
