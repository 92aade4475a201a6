package dev.dynoctl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

class TableSpecTest {
    @Test
    void key_parses_name_and_type_in_any_case() {
        assertThat(KeyAttribute.parse("pk", "user_id:s")).isEqualTo(new KeyAttribute("user_id", AttributeType.S));
        assertThat(KeyAttribute.parse("pk", "a:b:N")).isEqualTo(new KeyAttribute("a:b", AttributeType.N));
    }

    @Test
    void key_name_limit_is_255_utf8_bytes() {
        assertThat(KeyAttribute.parse("pk", "x".repeat(255) + ":S").name()).hasSize(255);
        assertThatThrownBy(() -> KeyAttribute.parse("pk", "\u00e9".repeat(128) + ":S"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("255 bytes");
    }

    @Test
    void table_name_rules() {
        assertThat(Names.requireTableName("name", "a.b-c_9")).isEqualTo("a.b-c_9");
        assertThat(Names.requireTableName("name", "x".repeat(255))).hasSize(255);
        assertThatThrownBy(() -> Names.requireTableName("name", "ab")).isInstanceOf(InvalidSpecException.class);
        assertThatThrownBy(() -> Names.requireTableName("name", "x".repeat(256))).isInstanceOf(InvalidSpecException.class);
    }

    @Test
    void error_messages_quote_input_on_one_line() {
        assertThat(Names.quote("a\nb")).isEqualTo("'a\\u000ab'");
        assertThat(Names.quote("y".repeat(1000))).contains("(1000 chars)").hasSizeLessThan(100);
    }

    @Test
    void create_request_derives_attribute_definitions_from_the_keys() {
        TableSpec spec = TableSpec.of("Events", new KeyAttribute("device", AttributeType.S),
                new KeyAttribute("ts", AttributeType.N), Billing.Mode.PROVISIONED, 5L, 7L);

        CreateTableRequest request = TableProvisioner.createRequest(spec);

        assertThat(request.keySchema()).extracting(k -> k.attributeName() + "/" + k.keyType())
                .containsExactly("device/" + KeyType.HASH, "ts/" + KeyType.RANGE);
        assertThat(request.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                .containsExactly("device:S", "ts:N");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(request.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(request.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
    }

    @Test
    void on_demand_request_sends_no_throughput() {
        TableSpec spec = TableSpec.of("Users", new KeyAttribute("id", AttributeType.S), null, Billing.Mode.ON_DEMAND, null, null);

        CreateTableRequest request = TableProvisioner.createRequest(spec);

        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.provisionedThroughput()).isNull();
    }
}
