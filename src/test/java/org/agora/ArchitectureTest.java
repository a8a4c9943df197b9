package org.agora;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Feature packages depend one way: moderation → debate → poll → account → shared; embed → poll. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.agora");

    @Test
    void shared_depends_on_no_feature() {
        noClasses().that().resideInAPackage("org.agora.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.agora.account..", "org.agora.debate..",
                        "org.agora.poll..", "org.agora.moderation..", "org.agora.embed..")
                .check(CLASSES);
    }

    @Test
    void account_depends_only_on_shared() {
        noClasses().that().resideInAPackage("org.agora.account..")
                .should().dependOnClassesThat().resideInAnyPackage("org.agora.debate..", "org.agora.poll..",
                        "org.agora.moderation..", "org.agora.embed..")
                .check(CLASSES);
    }

    @Test
    void poll_stands_alone_from_debate_moderation_and_embed() {
        noClasses().that().resideInAPackage("org.agora.poll..")
                .should().dependOnClassesThat().resideInAnyPackage("org.agora.debate..", "org.agora.moderation..",
                        "org.agora.embed..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void debate_does_not_know_moderation_or_embed() {
        noClasses().that().resideInAPackage("org.agora.debate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.agora.moderation..", "org.agora.embed..")
                .check(CLASSES);
    }

    @Test
    void embed_depends_only_on_poll_and_shared() {
        noClasses().that().resideInAPackage("org.agora.embed..")
                .should().dependOnClassesThat().resideInAnyPackage("org.agora.account..", "org.agora.debate..",
                        "org.agora.moderation..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("org.agora.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
