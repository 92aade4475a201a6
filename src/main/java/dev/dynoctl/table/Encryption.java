package dev.dynoctl.table;

/** Encryption at rest: the key DynamoDB uses. */
public sealed interface Encryption {
    record AwsOwned() implements Encryption {
        @Override
        public String toString() {
            return "aws-owned";
        }
    }

    record AwsManaged() implements Encryption {
        @Override
        public String toString() {
            return "aws-managed";
        }
    }

    /** A customer managed KMS key: key id, key ARN, alias name or alias ARN. */
    record Kms(String key) implements Encryption {
        @Override
        public String toString() {
            return "kms:" + key;
        }
    }
}
