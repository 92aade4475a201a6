package dev.dynoctl.export;

import dev.dynoctl.table.ExistingTable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table as a CloudFormation template (YAML): one {@code AWS::DynamoDB::Table} resource with the properties
 * {@link CloudFormationTable} maps. The resource is retained on stack deletion and replacement: it holds data, and
 * CloudFormation's resource import (bringing an existing table into a stack) requires a DeletionPolicy.
 */
public final class CloudFormationTemplate {
    private CloudFormationTemplate() {
    }

    public static ExportedTable write(ExistingTable existing) {
        ExportedSettings exported = ExportedSettings.of(existing);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("Type", CloudFormationTable.TYPE);
        resource.put("DeletionPolicy", "Retain");
        resource.put("UpdateReplacePolicy", "Retain");
        resource.put("Properties", CloudFormationTable.properties(exported.spec()));
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Resources", Map.of(CloudFormationTable.logicalId(exported.spec().name()), resource));
        return new ExportedTable(exported.spec().name(), Yaml.document(template), exported.skipped());
    }
}
