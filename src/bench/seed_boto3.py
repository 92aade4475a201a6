#!/usr/bin/env python3
"""The boto3 tutorial way to provision a table: list tables, create if missing, wait with the table_exists waiter.

Comparison anchor for src/bench/run.sh only; dynoctl never uses it.
Usage: seed_boto3.py ENDPOINT_URL TABLE_NAME   (credentials from the usual boto3 chain)
"""
import sys

import boto3

endpoint_url, table_name = sys.argv[1], sys.argv[2]
dynamodb = boto3.resource("dynamodb", region_name="us-east-1", endpoint_url=endpoint_url)
if table_name in [table.name for table in dynamodb.tables.all()]:
    print(f"Table {table_name} already exists.")
else:
    table = dynamodb.create_table(
        TableName=table_name,
        KeySchema=[{"AttributeName": "user_id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "user_id", "AttributeType": "S"}],
        ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
    )
    table.meta.client.get_waiter("table_exists").wait(TableName=table_name)
    print(f"Table {table_name} created.")
