package com.promises.bench;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The benchmark measures the service as shipped: it starts the application and sends commands through its HTTP API
 * or its dispatcher, and reads the raw event table only through the name the event history publishes.
 */
@AnalyzeClasses(packages = "com.promises.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchBoundariesTest {

    @ArchTest
    static final ArchRule noReachIntoTheServicesInternals = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.promises.api.infrastructure..", "com.promises.api.web..",
                    "com.promises.projections.summary..", "com.promises.projections.schedule..",
                    "com.promises.projections.rebuild..", "com.promises.projections.audit..");
}
