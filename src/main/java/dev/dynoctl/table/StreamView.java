package dev.dynoctl.table;

public enum StreamView { KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES }
