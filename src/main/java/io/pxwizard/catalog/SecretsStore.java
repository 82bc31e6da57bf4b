package io.pxwizard.catalog;

/** A secrets store type ({@code st=}) and its label. */
public record SecretsStore(String value, String label) {
}
