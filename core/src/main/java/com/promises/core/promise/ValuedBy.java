package com.promises.core.promise;

/** Who judged a promise: a collector recording it, or the service when the window closed. */
public enum ValuedBy { COLLECTOR, SYSTEM }
