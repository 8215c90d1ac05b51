package dev.ddb.table.request;

import tools.jackson.databind.JsonNode;

/**
 * The SSESpecification of CreateTable or UpdateTable (RestoreTableFromBackup's SSESpecificationOverride
 * arrives here as the restored table's CreateTable member), as sent: types and the SSEType enum are
 * already checked.
 */
public record SseSpecification(Boolean enabled, String sseType, String kmsMasterKeyId) {

    public static final String MEMBER = "SSESpecification";

    static SseSpecification read(JsonNode parent) {
        JsonNode node = RequestMembers.structure(parent, MEMBER);
        if (node == null) {
            return null;
        }
        return new SseSpecification(RequestMembers.bool(node, "Enabled"), RequestMembers.string(node, "SSEType"),
                RequestMembers.string(node, "KMSMasterKeyId"));
    }

    /**
     * Whether it asks for a KMS key rather than the default AWS owned key: {@code Enabled} true, or
     * (our reading, the API reference is silent) {@code SSEType} KMS with {@code Enabled} left out.
     */
    public boolean kms() {
        return Boolean.TRUE.equals(enabled) || (enabled == null && "KMS".equals(sseType));
    }
}
