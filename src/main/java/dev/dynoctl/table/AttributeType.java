package dev.dynoctl.table;

/** The scalar types DynamoDB allows for key attributes. */
public enum AttributeType {
    S, N, B
}
