package com.promises.api.imports;

/** One line of an import read as the command it asks for, on the customer it belongs to. */
public record ImportedCommand(String customerId, Object command) {
}
