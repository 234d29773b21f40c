package dev.ember.tfcompat.internal.graphdef;

import java.util.Map;

/** A {@code func} attribute: a function name with its own attributes (TF's {@code NameAttrList}). */
public record FunctionAttr(String name, Map<String, Object> attrs) {
}
