package com.promises.api.imports;

/** Reads one line of an import as a command, as the HTTP endpoint of that command would read its request. */
public interface LineTranslator {

    /**
     * @throws RuntimeException a refusal {@link com.promises.api.infrastructure.problem.Refusals} knows (bad JSON,
     *                          invalid fields, an unknown command)
     */
    ImportedCommand translate(String line) throws Exception;
}
