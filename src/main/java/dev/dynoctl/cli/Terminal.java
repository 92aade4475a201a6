package dev.dynoctl.cli;

import java.util.Optional;

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

        /** {@code stty size} on the terminal: the JDK has no call for it. */
        @Override
        public Optional<Size> size() {
            try {
                Process stty = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String[] answer = new String(stty.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                        .trim().split("\\s+");
                return stty.waitFor() == 0 && answer.length == 2
                        ? Optional.of(new Size(Integer.parseInt(answer[0]), Integer.parseInt(answer[1]))) : Optional.empty();
            } catch (java.io.IOException | NumberFormatException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    };

    /** A terminal's rows and columns. */
    record Size(int rows, int columns) {
        /** How many rows {@code lines} take once long ones wrap (escape codes take no room). */
        int rowsFor(java.util.List<String> lines) {
            int total = 0;
            for (String line : lines) {
                int width = line.replaceAll("\u001B\\[[0-9;]*m", "").length();
                total += Math.max(1, (width + columns - 1) / columns);
            }
            return total;
        }
    }

    /** The terminal's size, when it can be told. */
    default Optional<Size> size() {
        return Optional.empty();
    }

    boolean interactive();

    /** @return the line typed, or null at end of input */
    String readLine(String prompt);
}
