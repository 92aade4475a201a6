package dev.dynoctl.cli;

import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.table.WaitClock;
import java.io.PrintWriter;
import java.util.List;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CliContext context = new CliContext(new DynamoDbClients(System.getenv(), List.of()), Terminal.SYSTEM, WaitClock.SYSTEM);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(Cli.forArguments(context, out, err, args).execute(args));
    }
}
