package dev.dynoctl.cli;

import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.table.WaitClock;

/** What commands get from outside the command line: how to reach DynamoDB, the terminal, how to pause. */
public record CliContext(DynamoDbClients clients, Terminal terminal, WaitClock clock) {
}
