package dev.dynoctl.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * create-table's table definition. The values are read back by name from the parse result
 * ({@link CreateTableCommand#commandLineSettings}), so flags and --spec files share one vocabulary and one parser
 * ({@link dev.dynoctl.table.SpecParser}); the fields exist to declare the options and their help.
 */
final class TableDefinitionOptions {
    @Option(names = "--name", paramLabel = "TABLE", description = "Table name: 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.'.")
    String name;

    @Option(names = "--table-name", paramLabel = "TABLE", description = "Same as --name.")
    String tableName;

    @Option(names = "--pk", paramLabel = "NAME:TYPE",
            description = "Partition key: attribute name and type S (string), N (number) or B (binary).")
    String partitionKey;

    @Option(names = "--sk", paramLabel = "NAME:TYPE", description = "Sort key, same form as --pk (default: none).")
    String sortKey;

    @Option(names = "--billing-mode", paramLabel = "MODE",
            description = "on-demand (default) or provisioned (also PAY_PER_REQUEST, PROVISIONED).")
    String billingMode;

    @Option(names = "--read-capacity", paramLabel = "RCU",
            description = "Read capacity units, at least 1; required with provisioned, refused with on-demand.")
    String readCapacity;

    @Option(names = "--write-capacity", paramLabel = "WCU",
            description = "Write capacity units, at least 1; required with provisioned, refused with on-demand.")
    String writeCapacity;

    @Option(names = "--gsi", paramLabel = "NAME:PK:TYPE[,SK:TYPE][:OPT=V]...",
            description = {"Global secondary index (repeatable, at most 20). Options: projection=all|keys_only|include(a,b),",
                "rcu=N and wcu=N (required on provisioned tables), max-rcu=N, max-wcu=N (on-demand maximum).",
                "E.g. ByEmail:email:S or 'ByDay:day:S,ts:N:projection=include(title,owner)'."})
    List<String> globalIndexes;

    @Option(names = "--lsi", paramLabel = "NAME:SK:TYPE[:projection=P]",
            description = "Local secondary index (repeatable, at most 5; the table needs --sk). E.g. ByScore:score:N.")
    List<String> localIndexes;

    @Option(names = "--stream", paramLabel = "VIEW", description = "Enable the stream: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.")
    String stream;

    @Option(names = "--ttl-attribute", paramLabel = "ATTRIBUTE",
            description = "Enable TTL on this attribute (epoch seconds, a Number), once the table is ACTIVE.")
    String ttlAttribute;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Tag (repeatable, at most 50; keys must not start with aws:).")
    List<String> tags;

    @Option(names = "--sse", paramLabel = "KEY", description = "Encryption at rest: aws-owned (DynamoDB's default), aws-managed, or kms:KEY_ID_OR_ARN_OR_ALIAS.")
    String sse;

    @Option(names = "--table-class", paramLabel = "CLASS", description = "standard or standard-ia (Standard-Infrequent Access).")
    String tableClass;

    @Option(names = "--deletion-protection", negatable = true,
            description = "Turn deletion protection on (or off with --no-deletion-protection).")
    Boolean deletionProtection;

    @Option(names = "--pitr", negatable = true,
            description = "Turn point-in-time recovery on (or off with --no-pitr), once the table is ACTIVE.")
    Boolean pitr;

    @Option(names = "--pitr-recovery-days", paramLabel = "DAYS", description = "Point-in-time recovery period, 1-35 days (with --pitr).")
    String pitrRecoveryDays;

    @Option(names = "--max-read-units", paramLabel = "N", description = "On-demand maximum read request units per second.")
    String maxReadUnits;

    @Option(names = "--max-write-units", paramLabel = "N", description = "On-demand maximum write request units per second.")
    String maxWriteUnits;

    @Option(names = "--warm-read-units", paramLabel = "N", description = "Warm throughput: read units per second to be ready for.")
    String warmReadUnits;

    @Option(names = "--warm-write-units", paramLabel = "N", description = "Warm throughput: write units per second to be ready for.")
    String warmWriteUnits;

    @Option(names = "--resource-policy", paramLabel = "@FILE|JSON", description = "Resource-based policy document (at most 20 KB).")
    String resourcePolicy;

    @Option(names = "--contributor-insights", negatable = true,
            description = "Turn CloudWatch contributor insights on (or off), once the table is ACTIVE.")
    Boolean contributorInsights;
}
