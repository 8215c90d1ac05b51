package dev.ddb.common.table;

/** What a stream record holds of the changed item. */
public enum StreamViewType {
    KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES
}
