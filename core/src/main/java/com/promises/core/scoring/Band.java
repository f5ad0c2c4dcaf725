package com.promises.core.scoring;

/** Reliability bands: A at 85 and above, B at 70, C at 50, D below 50 (policy v1). */
public enum Band { A, B, C, D }
