package dev.jmcp.json;

public enum JsonNull implements Json {
    NULL;

    @Override
    public String toString() {
        return "null";
    }
}
