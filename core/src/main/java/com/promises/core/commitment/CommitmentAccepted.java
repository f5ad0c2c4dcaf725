package com.promises.core.commitment;

/** The answer to MakeOurCommitment: the commitment now on record. */
public record CommitmentAccepted(String commitmentId) {
}
