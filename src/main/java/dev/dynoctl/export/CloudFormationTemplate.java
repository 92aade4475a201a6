package dev.dynoctl.export;

import dev.dynoctl.table.ExistingTable;
import dev.dynoctl.table.Toggle;
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

    /** @throws ExportException for TTL on an attribute named off: a template that leaves TTL out declares it off */
    public static ExportedTable write(ExistingTable existing) {
        existing.settings().ttl().flatMap(Toggle::value).filter(attribute -> attribute.trim().equalsIgnoreCase(Toggle.OFF))
                .ifPresent(attribute -> {
                    throw new ExportException("table " + existing.settings().name() + ": TTL is on an attribute named "
                            + attribute + ", which dynoctl reads as TTL off: export it as a spec file (which leaves TTL out)");
                });
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
