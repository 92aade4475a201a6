package dev.dynoctl.support;

import dev.dynoctl.cli.Terminal;
import java.util.ArrayList;
import java.util.List;

/** Terminals for tests: none (as in CI), or a person who types a given answer. */
public final class Terminals {
    public static final Terminal NONE = new Terminal() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public String readLine(String prompt) {
            throw new AssertionError("dynoctl asked a question with no terminal: " + prompt);
        }
    };

    private Terminals() {
    }

    /** A person who answers every prompt with {@code answer}; the prompts are kept in {@code prompts}. */
    public static Terminal typing(String answer, List<String> prompts) {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public String readLine(String prompt) {
                prompts.add(prompt);
                return answer;
            }
        };
    }

    public static List<String> prompts() {
        return new ArrayList<>();
    }
}
