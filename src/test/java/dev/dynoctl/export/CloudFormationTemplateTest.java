package dev.dynoctl.export;

import static dev.dynoctl.export.ReportedTable.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.table.ExistingTable;
import dev.dynoctl.table.Setting;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The template an export writes, exactly; the round trip over generated tables is {@link ExportRoundTripTest}. */
class CloudFormationTemplateTest {
    private static ExportedTable export(ReportedTable table) {
        return CloudFormationTemplate.write(ExistingTable.read(table.state()));
    }

    @Test
    void one_retained_table_resource_with_cloudformation_property_names() {
        ExportedTable exported = export(ReportedTable.of(table("name", "orders-prod.v2", "pk", "customer:S", "sk", "order_id:S",
                "billing-mode", "provisioned", "read-capacity", "20", "write-capacity", "5",
                "gsi", "ByStatus:status:S,created:N:projection=include(total,currency):rcu=2:wcu=1",
                "lsi", "ByScore:score:N:projection=keys_only", "stream", "NEW_IMAGE", "ttl-attribute", "expires_at",
                "tag", "team=payments", "tag", "env=off", "pitr", "true", "pitr-recovery-days", "14", "deletion-protection", "true",
                "sse", "kms:arn:aws:kms:us-east-1:123456789012:key/1234abcd", "table-class", "standard-ia",
                "warm-read-units", "15000", "warm-write-units", "5000", "contributor-insights", "true",
                "resource-policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                        + "\"Action\":\"dynamodb:DeleteTable\",\"Resource\":\"*\"}]}"), Set.of()));

        assertThat(exported.skipped()).isEmpty();
        assertThat(exported.fileName()).isEqualTo("orders-prod.v2.yaml");
        assertThat(exported.document()).isEqualTo("""
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  OrdersProdV2:
                    Type: AWS::DynamoDB::Table
                    DeletionPolicy: Retain
                    UpdateReplacePolicy: Retain
                    Properties:
                      TableName: orders-prod.v2
                      KeySchema:
                        - AttributeName: customer
                          KeyType: HASH
                        - AttributeName: order_id
                          KeyType: RANGE
                      AttributeDefinitions:
                        - AttributeName: customer
                          AttributeType: S
                        - AttributeName: order_id
                          AttributeType: S
                        - AttributeName: status
                          AttributeType: S
                        - AttributeName: created
                          AttributeType: "N"
                        - AttributeName: score
                          AttributeType: "N"
                      BillingMode: PROVISIONED
                      ProvisionedThroughput:
                        ReadCapacityUnits: 20
                        WriteCapacityUnits: 5
                      GlobalSecondaryIndexes:
                        - IndexName: ByStatus
                          KeySchema:
                            - AttributeName: status
                              KeyType: HASH
                            - AttributeName: created
                              KeyType: RANGE
                          Projection:
                            ProjectionType: INCLUDE
                            NonKeyAttributes:
                              - currency
                              - total
                          ProvisionedThroughput:
                            ReadCapacityUnits: 2
                            WriteCapacityUnits: 1
                      LocalSecondaryIndexes:
                        - IndexName: ByScore
                          KeySchema:
                            - AttributeName: customer
                              KeyType: HASH
                            - AttributeName: score
                              KeyType: RANGE
                          Projection:
                            ProjectionType: KEYS_ONLY
                      StreamSpecification:
                        StreamViewType: NEW_IMAGE
                      TimeToLiveSpecification:
                        AttributeName: expires_at
                        Enabled: true
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled: true
                        RecoveryPeriodInDays: 14
                      SSESpecification:
                        SSEEnabled: true
                        SSEType: KMS
                        KMSMasterKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd
                      TableClass: STANDARD_INFREQUENT_ACCESS
                      DeletionProtectionEnabled: true
                      WarmThroughput:
                        ReadUnitsPerSecond: 15000
                        WriteUnitsPerSecond: 5000
                      ContributorInsightsSpecification:
                        Enabled: true
                      Tags:
                        - Key: env
                          Value: "off"
                        - Key: team
                          Value: payments
                      ResourcePolicy:
                        PolicyDocument:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Deny
                              Principal: "*"
                              Action: dynamodb:DeleteTable
                              Resource: "*"
                """);
    }

    @Test
    void settings_that_are_off_are_written_where_cloudformation_can_say_so_and_a_stream_or_policy_left_out() {
        ExportedTable exported = export(ReportedTable.of(table("name", "Plain", "pk", "id:S", "max-write-units", "100"),
                EnumSet.of(Setting.CONTRIBUTOR_INSIGHTS)));

        assertThat(exported.document()).endsWith("""
                      BillingMode: PAY_PER_REQUEST
                      TimeToLiveSpecification:
                        Enabled: false
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled: false
                      SSESpecification:
                        SSEEnabled: false
                      TableClass: STANDARD
                      DeletionProtectionEnabled: false
                      OnDemandThroughput:
                        MaxWriteRequestUnits: 100
                """);
        assertThat(exported.skipped()).containsExactly("contributor insights: not available from this endpoint (HTTP 500); not exported");
    }

    @Test
    void logical_ids_are_the_names_letters_and_digits_capitalised_after_each_other_character() {
        assertThat(CloudFormationTable.logicalId("Users")).isEqualTo("Users");
        assertThat(CloudFormationTable.logicalId("orders-prod.v2")).isEqualTo("OrdersProdV2");
        assertThat(CloudFormationTable.logicalId("user_sessions")).isEqualTo("UserSessions");
        assertThat(CloudFormationTable.logicalId("2024-events")).isEqualTo("Table2024Events");
        assertThat(CloudFormationTable.logicalId("___")).isEqualTo("Table");
    }
}
