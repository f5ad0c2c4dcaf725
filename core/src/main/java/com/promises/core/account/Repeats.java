package com.promises.core.account;

import java.util.function.Supplier;

/**
 * Ids are the client's, so a command may arrive again (a retry after a lost answer). When its id is already taken,
 * the very same command gets the answer it got the first time and changes nothing; another command under that id
 * is refused.
 */
final class Repeats {

    private Repeats() {
    }

    static <A> A answerAgainOrRefuse(boolean sameCommand, Supplier<A> firstAnswer, Supplier<CommandRejected> clash) {
        if (sameCommand) {
            return firstAnswer.get();
        }
        throw clash.get();
    }
}
