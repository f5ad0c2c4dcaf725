package com.promises.projections.rebuild;

/** Whether the read models are being rebuilt, so queries can say their answer may not hold the whole history yet. */
@FunctionalInterface
public interface Rebuilding {

    boolean isRebuilding();
}
