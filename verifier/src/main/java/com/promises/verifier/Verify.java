package com.promises.verifier;

import com.promises.core.audit.AuditSignature;
import com.promises.core.audit.Pem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar promises-verify.jar BUNDLE [--public-key FILE]}: checks an auditor's bundle offline. Exits 0 when
 * every hash, the signature and the score hold, printing the events, the head and the score it re-derived; 1 naming
 * the first line that does not hold (hash, signature or score); 2 when the input cannot be read. Never a stack trace.
 *
 * <p>The key file is the service's answer to {@code GET /api/v1/audit/public-key} saved as it is, a PEM public key,
 * or the base64 key alone.
 */
public final class Verify {

    static final int HOLDS = 0;
    static final int DOES_NOT_HOLD = 1;
    static final int UNREADABLE = 2;
    private static final String USAGE = "usage: java -jar promises-verify.jar BUNDLE [--public-key FILE]";
    private static final Pattern JSON_KEY = Pattern.compile("\"publicKey\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");

    private Verify() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** As the command line runs it, with its output on these streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return verify(args, out);
        } catch (Unreadable unreadable) {
            err.println("Cannot verify: " + unreadable.getMessage());
            return UNREADABLE;
        } catch (IOException | RuntimeException | Error failure) { // whatever happens, one sentence, not a stack
            err.println("Cannot verify: " + failure);
            return UNREADABLE;
        }
    }

    private static int verify(String[] args, PrintStream out) throws IOException, Unreadable {
        Path bundle = null;
        Path keyFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--public-key") && i + 1 < args.length) {
                keyFile = Path.of(args[++i]);
            } else if (args[i].startsWith("--public-key=")) {
                keyFile = Path.of(args[i].substring("--public-key=".length()));
            } else if (bundle == null && !args[i].startsWith("--")) {
                bundle = Path.of(args[i]);
            } else {
                throw new Unreadable("unexpected argument " + args[i] + "; " + USAGE);
            }
        }
        if (bundle == null) {
            throw new Unreadable(USAGE);
        }
        PublicKey key = keyFile == null ? null : publicKey(keyFile);
        Failure failure;
        try (BufferedReader lines = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            failure = new BundleCheck(out, key).check(lines);
        } catch (Unreadable notABundle) {
            throw new Unreadable(bundle + " is not a bundle: " + notABundle.getMessage());
        } catch (IOException e) {
            throw new Unreadable("cannot read " + bundle + ": " + reason(e));
        }
        if (failure != null) {
            out.println("FAILED " + failure);
            return DOES_NOT_HOLD;
        }
        out.println("OK");
        return HOLDS;
    }

    private static PublicKey publicKey(Path file) throws Unreadable {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unreadable("cannot read the public key " + file + ": " + reason(e));
        }
        try {
            if (text.contains("-----BEGIN PUBLIC KEY-----")) {
                return AuditSignature.publicKey(Pem.decode(text, "PUBLIC KEY"));
            }
            Matcher json = JSON_KEY.matcher(text);
            return AuditSignature.publicKey(json.find() ? json.group(1) : text.trim());
        } catch (IllegalArgumentException e) {
            throw new Unreadable("the public key " + file + " is not an " + AuditSignature.ALGORITHM + " public key "
                    + "(the answer of GET /api/v1/audit/public-key, a PEM public key, or its base64)");
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.charset.CharacterCodingException ? "it is not UTF-8 text" : String.valueOf(e.getMessage());
    }
}
