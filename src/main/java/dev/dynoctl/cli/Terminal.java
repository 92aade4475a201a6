package dev.dynoctl.cli;

import java.io.Console;

/** The person at the keyboard, if there is one: for confirmation prompts and live progress. */
public interface Terminal {
    /** The JVM's console: present only when both standard input and output are a terminal. */
    Terminal SYSTEM = new Terminal() {
        @Override
        public boolean interactive() {
            return System.console() != null;
        }

        @Override
        public String readLine(String prompt) {
            Console console = System.console();
            return console == null ? null : console.readLine("%s", prompt);
        }
    };

    boolean interactive();

    /** @return the line typed, or null at end of input */
    String readLine(String prompt);
}
