package io.helpdeskmail.rules;

import java.util.regex.Pattern;

/** A custom ticket field (order number, subscription id...); a value must match its pattern when it has one. */
public record CustomField(String name, String label, Pattern pattern) {}
