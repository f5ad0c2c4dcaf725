package com.promises.core.audit;

import java.util.Base64;

/** Keys as PEM text ({@code -----BEGIN PUBLIC KEY-----}...), the form openssl writes and reads. */
public final class Pem {

    private Pem() {
    }

    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /**
     * The DER bytes of the block with this label.
     *
     * @throws IllegalArgumentException when the text holds no such block, or its body is not base64
     */
    public static byte[] decode(String text, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (to < 0) {
            throw new IllegalArgumentException("no " + label + " block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
