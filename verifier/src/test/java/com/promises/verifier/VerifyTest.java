package com.promises.verifier;

import com.promises.core.audit.AuditSignature;
import com.promises.core.audit.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier's command line: what an auditor runs on a bundle, and what it says for each kind of damage. */
class VerifyTest {

    @TempDir
    Path directory;

    @Test
    void aGoodBundleHoldsAndItsScoreIsReDerived() throws IOException {
        Run run = verify(Bundles.good());

        assertThat(run.exit).isEqualTo(0);
        assertThat(run.out).contains("Bundle of customer hotel-zhonghua, signed by key " + Bundles.SERVICE_KEY.keyId())
                .containsPattern("\\s3  PromiseBroken\\s+2026-07-01T09:03:00.120Z\\s+system")
                .contains("Chain:     intact, 4 events, head ")
                .contains("Signature: valid, by key " + Bundles.SERVICE_KEY.keyId() + " named in the bundle's own header")
                .contains("Score:     40.0 (D) under policy v1, re-derived from the events, as the bundle states")
                .endsWith("OK\n");
    }

    @Test
    void withThePublishedKeyTheSignatureIsCheckedAgainstIt() throws IOException {
        Path published = write("public-key.json", List.of("{\"keyId\": \"" + Bundles.SERVICE_KEY.keyId()
                + "\", \"algorithm\": \"Ed25519\", \"publicKey\": \"" + AuditSignature.publicKeyBase64(Bundles.SERVICE_KEY.publicKey()) + "\"}"));
        Path pem = write("public-key.pem", List.of(Bundles.SERVICE_KEY.publicKeyPem()));

        for (Path key : List.of(published, pem)) {
            Run run = verify(Bundles.good(), "--public-key", key.toString());
            assertThat(run.exit).as(key.toString()).isEqualTo(0);
            assertThat(run.out).contains("Signature: valid, by key " + Bundles.SERVICE_KEY.keyId() + " given with --public-key");
        }
    }

    @Test
    void aChangedPayloadIsNamedByItsLine() throws IOException {
        List<String> lines = new ArrayList<>(Bundles.good());
        lines.set(3, Bundles.withPayload(lines.get(3), "paidOn", "2026-07-10"));

        Run run = verify(lines);

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).endsWith("FAILED line 4: hash: sequence 2 (PaymentRecorded): the hash is not the one the chain "
                + "gives this event after the line before: the event was changed, or lines were moved\n");
    }

    @Test
    void aReorderedPairOfLinesIsNamed() throws IOException {
        List<String> lines = new ArrayList<>(Bundles.good());
        Collections.swap(lines, 2, 3);

        Run run = verify(lines);

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).endsWith("FAILED line 3: hash: sequence 2 where 1 was expected: lines are missing or out of order\n");
    }

    @Test
    void aTruncatedBundleIsNamed() throws IOException {
        List<String> good = Bundles.good();

        Run withoutFooter = verify(good.subList(0, good.size() - 1));
        assertThat(withoutFooter.exit).isEqualTo(1);
        assertThat(withoutFooter.out).endsWith("FAILED line 6: hash: the bundle ends after line 5 without its footer: it is cut short\n");

        List<String> lastEventGone = new ArrayList<>(good.subList(0, good.size() - 2));
        lastEventGone.add(good.get(good.size() - 1));
        Run run = verify(lastEventGone);
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).contains("FAILED line 5: hash: the footer's head ").contains("events are missing at the end");

        List<String> cutMidLine = new ArrayList<>(good.subList(0, 3));
        cutMidLine.add(good.get(3).substring(0, 40));
        assertThat(verify(cutMidLine).out)
                .endsWith("FAILED line 4: hash: not a complete line of JSON: the bundle is cut short or damaged\n");
    }

    @Test
    void aBundleResignedWithAnotherKeyHoldsOnlyUntilThePublishedKeyIsGiven() throws IOException {
        List<String> changed = new ArrayList<>(Bundles.good());
        changed.set(3, Bundles.withPayload(changed.get(3), "paidOn", "2026-07-10"));
        SigningKey forger = SigningKey.generate();
        List<String> resigned = Bundles.reseal(changed, forger);

        Run alone = verify(resigned);
        assertThat(alone.exit).isEqualTo(0);
        assertThat(alone.out).contains("Signature: valid, by key " + forger.keyId() + " named in the bundle's own header")
                .contains("That shows the bundle is whole, not who made it");

        Path published = write("service.pem", List.of(Bundles.SERVICE_KEY.publicKeyPem()));
        Run checked = verify(resigned, "--public-key", published.toString());
        assertThat(checked.exit).isEqualTo(1);
        assertThat(checked.out).endsWith("FAILED line 1: signature: the bundle was signed by key " + forger.keyId()
                + ", not by the key given with --public-key, " + Bundles.SERVICE_KEY.keyId() + "\n");

        List<String> headerKept = new ArrayList<>(resigned);
        headerKept.set(0, Bundles.header(Bundles.SERVICE_KEY)); // the service's key named, the forger's signature
        Run forged = verify(headerKept);
        assertThat(forged.exit).isEqualTo(1);
        assertThat(forged.out).contains("FAILED line 6: signature: the signature over the head, policy and score does not "
                + "verify with key " + Bundles.SERVICE_KEY.keyId());
    }

    @Test
    void aScoreTheEventsDoNotGiveIsNamedEvenWhenSigned() throws IOException {
        List<String> lines = new ArrayList<>(Bundles.good());
        lines.set(lines.size() - 1, Bundles.footerAfter(lines.subList(0, lines.size() - 1), Bundles.SERVICE_KEY, "60.0", "C"));

        Run run = verify(lines);

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).endsWith("FAILED line 6: score: the bundle states 60.0 (C); replaying its events through policy "
                + "v1 gives 40.0 (D)\n");
    }

    @Test
    void unreadableInputExitsTwoWithOneSentenceAndNoStackTrace() throws IOException {
        Path binary = directory.resolve("binary.ndjson");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, '\n'});
        Path notABundle = write("notes.txt", List.of("{\"hello\": \"world\"}"));
        Path badKey = write("key.txt", List.of("not a key"));
        Path bundle = write("bundle.ndjson", Bundles.good());

        List<Run> runs = List.of(
                run(directory.resolve("missing.ndjson").toString()),
                run(binary.toString()),
                run(notABundle.toString()),
                run(directory.toString()),
                run(bundle.toString(), "--public-key", badKey.toString()),
                run(bundle.toString(), "--public-key", directory.resolve("missing.pem").toString()),
                run(),
                run(bundle.toString(), "--unknown"));

        assertThat(runs).allSatisfy(run -> {
            assertThat(run.exit).isEqualTo(2);
            assertThat(run.err).startsWith("Cannot verify: ").doesNotContain("\tat ").hasLineCount(1);
        });
        assertThat(runs.get(0).err).contains("missing.ndjson: no such file");
        assertThat(runs.get(2).err).contains("is not a bundle: its first line is not the header of a Promises audit bundle");
        assertThat(runs.get(4).err).contains("is not an Ed25519 public key");
        assertThat(runs.get(6).err).contains("usage: java -jar promises-verify.jar BUNDLE [--public-key FILE]");
    }

    private Run verify(List<String> lines, String... options) throws IOException {
        Path bundle = write("bundle.ndjson", lines);
        String[] args = new String[options.length + 1];
        args[0] = bundle.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        return run(args);
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Verify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(directory.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private record Run(int exit, String out, String err) {
    }
}
