package dev.ember.migrate.rules.eager;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kept original's rename: code references to the class change, comments and strings do not. */
class ParityTestsTest {

    @Test
    void renamesTheClassAndItsReferencesButNotCommentsOrStrings() {
        String source = String.join("\n",
                "package p;",
                "",
                "/** Trainer trains; see Trainer.main. */",
                "public class Trainer {",
                "    static final String NAME = \"Trainer\";",
                "    private Trainer() {",
                "    }",
                "",
                "    static Trainer make() {",
                "        System.out.println(Trainer.class + \" \" + Trainer.NAME + \" Trainer\");",
                "        return new Trainer();   // a Trainer",
                "    }",
                "",
                "    static final class TrainerModel {",
                "    }",
                "}",
                "");
        String renamed = ParityTests.renamed(source, "Trainer", "TrainerOriginal");

        assertThat(renamed).isEqualTo(String.join("\n",
                "package p;",
                "",
                "/** Trainer trains; see Trainer.main. */",
                "public class TrainerOriginal {",
                "    static final String NAME = \"Trainer\";",
                "    private TrainerOriginal() {",
                "    }",
                "",
                "    static TrainerOriginal make() {",
                "        System.out.println(TrainerOriginal.class + \" \" + TrainerOriginal.NAME + \" Trainer\");",
                "        return new TrainerOriginal();   // a Trainer",
                "    }",
                "",
                "    static final class TrainerModel {",
                "    }",
                "}",
                ""));
    }
}
