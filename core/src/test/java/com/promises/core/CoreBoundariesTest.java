package com.promises.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain stays a domain: no web, no SQL, no Spring; the scoring policy needs no framework at all. */
@AnalyzeClasses(packages = "com.promises.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreBoundariesTest {

    @ArchTest
    static final ArchRule coreImportsNoSpringWebOrSql = noClasses().that().resideInAPackage("com.promises.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule scoringImportsNoFramework = noClasses().that().resideInAPackage("com.promises.core.scoring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..",
                    "com.fasterxml.jackson..");
}
