package com.promises.api.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * Bulk imports, under {@code promises.imports.*}.
 *
 * @param parallelism customers are applied by this many threads at once (one customer's lines always by one, in order)
 * @param maxLineSize a longer line is refused without being read into memory
 * @param keptRefusals refused lines listed with their problem; all are counted
 * @param spoolDirectory where a posted file waits while it is applied (left out: the system's temporary directory)
 */
@ConfigurationProperties("promises.imports")
public record ImportSettings(@DefaultValue("4") int parallelism,
                             @DefaultValue("64KB") DataSize maxLineSize,
                             @DefaultValue("1000") int keptRefusals,
                             Path spoolDirectory) {
}
